import type { Client } from 'pg';
import { call, percentile } from '../http/bench-client';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Image jobs (offline provider, no delay) submitted by one client per user (each a user of their own, as traffic is),
 * then waited for: submit → worker start (from the job rows) and jobs/s from the first accept to the last finish.
 * Without `perSecond` each client submits again as soon as it is answered (the queue's saturation); with it, one
 * submit every 1/perSecond s, round-robin over the users (the hand-off with the queue empty).
 */
export async function mediaJobsRound(options: {
  baseUrl: string;
  tokens: string[];
  db: Client;
  jobs: number;
  perSecond?: number;
}): Promise<{ startP50: number; startP99: number; perSec: number }> {
  const { baseUrl, tokens, db, jobs, perSecond } = options;
  const ids: string[] = [];
  const submit = async (token: string, n: number) => {
    const res = await call(baseUrl, '/tools/image/run', {
      token,
      // The offline provider by name: the upstream only answers chat, and the row measures the queue.
      body: { input: { prompt: `bench image ${n} ${Date.now()}`, size: '256x256' }, cache: false, provider: 'offline' },
    });
    ids.push(res.jobId as string);
  };
  if (perSecond) {
    const started = Date.now();
    await Promise.all(
      Array.from({ length: jobs }, async (_, n) => {
        await sleep(started + (n * 1000) / perSecond - Date.now());
        await submit(tokens[n % tokens.length], n);
      }),
    );
  } else {
    let next = 0;
    await Promise.all(
      tokens.map(async (token) => {
        while (next < jobs) await submit(token, (next += 1));
      }),
    );
  }
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { rows } = await db.query<{ open: string }>(
      `SELECT count(*) AS open FROM jobs WHERE id = ANY($1) AND finished_at IS NULL`,
      [ids],
    );
    if (Number(rows[0].open) === 0) break;
    if (Date.now() > deadline) throw new Error(`${rows[0].open} media jobs did not finish within 2 minutes`);
    await sleep(100);
  }
  const { rows } = await db.query<{ wait: number; created: Date; finished: Date; status: string }>(
    `SELECT extract(epoch FROM started_at - created_at) * 1000 AS wait, created_at AS created,
            finished_at AS finished, status FROM jobs WHERE id = ANY($1)`,
    [ids],
  );
  const failed = rows.filter((r) => r.status !== 'succeeded').length;
  if (failed > 0) throw new Error(`${failed} media jobs did not succeed`);
  const waits = rows.map((r) => Number(r.wait)).sort((a, b) => a - b);
  const first = Math.min(...rows.map((r) => r.created.getTime()));
  const last = Math.max(...rows.map((r) => r.finished.getTime()));
  return {
    startP50: percentile(waits, 50),
    startP99: percentile(waits, 99),
    perSec: rows.length / ((last - first) / 1000),
  };
}
