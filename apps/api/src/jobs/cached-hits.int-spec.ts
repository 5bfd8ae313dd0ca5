import { DataSource } from 'typeorm';
import { CachedHitsRecorder } from './cached-hits.recorder';
import type { Job } from './entities/job.entity';
import { bearer, createTestApp, registerUser, TestApp } from '../../test/test-app';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('Cache hits written in batches', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('40 parallel repeats share a few statements; each is a free job in history with its analytics events', async () => {
    const u = await registerUser(t);
    const body = { input: { prompt: `batched hits ${u.user.id}` } };
    await t.http().post('/api/v1/tools/chat/run').set(bearer(u.accessToken)).send(body).expect(200);
    const db = t.app.get(DataSource);
    const before = await hitStatements(db, u.user.id);
    // The first batch waits a moment before it writes, so that the other requests arrive during its flush even on a
    // busy machine (where they could otherwise come one at a time): they go out together in the next one.
    const recorder = t.app.get(CachedHitsRecorder) as unknown as { write(jobs: Job[]): Promise<void> };
    const write = recorder.write.bind(recorder);
    jest.spyOn(recorder, 'write').mockImplementationOnce(async (jobs) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return write(jobs);
    });

    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        t.http().post('/api/v1/tools/chat/run').set(bearer(u.accessToken)).send(body).expect(200),
      ),
    );
    const statements = (await hitStatements(db, u.user.id)) - before;
    for (const res of answers) expect(res.body).toMatchObject({ status: 'succeeded', cost: 0, cached: true });
    // Hits that arrive together share one statement (the spec's requests overlap, so far fewer than 40).
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThan(40);

    // Written before each answer left: every hit is in history at once, free, with its own id and events.
    const history = await t.http().get('/api/v1/jobs?limit=100').set(bearer(u.accessToken)).expect(200);
    const hits = (history.body.items as Body[]).filter((j) => j.cached === true);
    expect(new Set(hits.map((j) => j.id as string))).toEqual(new Set(answers.map((r) => r.body.jobId as string)));
    expect(hits.every((j) => j.cost === 0 && j.status === 'succeeded')).toBe(true);
    const [events] = await db.query(
      `SELECT count(*) FILTER (WHERE type = 'cache_hit')::int AS hits,
              count(*) FILTER (WHERE type = 'run_accepted' AND amount = 0)::int AS accepted
         FROM analytics_events WHERE user_id = $1`,
      [u.user.id],
    );
    expect(events).toEqual({ hits: 40, accepted: 40 });
    const [{ balance }] = await db.query(`SELECT balance::int FROM credit_accounts WHERE user_id = $1`, [u.user.id]);
    const [{ sum }] = await db.query(`SELECT sum(delta)::int AS sum FROM credit_ledger WHERE user_id = $1`, [
      u.user.id,
    ]);
    expect(balance).toBe(sum); // hits move no money
  });
});

/** How many transactions wrote the user's cache-hit rows: the rows of one batch share their inserting transaction. */
async function hitStatements(db: DataSource, userId: string): Promise<number> {
  const [{ n }] = await db.query(
    `SELECT count(DISTINCT xmin::text)::int AS n FROM jobs WHERE cached AND user_id = $1`,
    [userId],
  );
  return Number(n);
}
