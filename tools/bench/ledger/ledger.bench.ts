/**
 * Spends per second through `CreditsService.spend` (one conditional UPDATE + ledger INSERT in one statement, in its
 * own transaction) with 1, 8 and 32 concurrent clients, beside `pgbench` running a bare single-row conditional UPDATE
 * on the same PostgreSQL as the ceiling. Two shapes: every client on ONE account (a hot row: updates queue on its
 * lock) and one account PER client (no contention).
 *
 *   npm run bench:ledger          (or: node -r @swc-node/register tools/bench/ledger/ledger.bench.ts)
 *
 * Knobs: BENCH_DURATION (s per measurement, default 5), BENCH_CLIENTS (default "1,8,32"), PG_ADMIN_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres). Runs on a fresh database `megicai_bench_ledger_<random>`,
 * dropped at the end, also on Ctrl-C or an error.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const duration = Number(process.env.BENCH_DURATION ?? 5);
const clientCounts = (process.env.BENCH_CLIENTS ?? '1,8,32').split(',').map(Number);
const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `megicai_bench_ledger_${randomBytes(4).toString('hex')}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

interface Row {
  shape: string;
  clients: number;
  service: number;
  pgbench: number;
}

async function main(): Promise<void> {
  // Loaded here, not at the top: the decorated API code compiles only in the re-executed process.
  await import('reflect-metadata');
  const { Client } = await import('pg');
  const { DataSource } = await import('typeorm');
  const { baseDataSourceOptions } = await import('../../../apps/api/src/database/typeorm-options');
  const { CreditsService } = await import('../../../apps/api/src/credits/credits.service');
  const { CreditsEvents } = await import('../../../apps/api/src/credits/credits-events');

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const maxClients = Math.max(...clientCounts);
  const ds = new DataSource({ ...baseDataSourceOptions(dbUrl), extra: { max: maxClients + 2 } });
  let dropped = false;
  const cleanup = async () => {
    if (dropped) return;
    dropped = true;
    if (ds.isInitialized) await ds.destroy().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  const scratch = mkdtempSync(join(tmpdir(), 'ledger-bench-'));

  try {
    await ds.initialize();
    await ds.runMigrations();
    const userIds: string[] = (
      await ds.query(
        `INSERT INTO users (email, password_hash, display_name, role, banned, referral_code)
         SELECT 'bench-' || g || '@megicai.test', 'x', 'bench ' || g, 'user', false, 'B' || lpad(g::text, 7, '0')
           FROM generate_series(1, $1) g RETURNING id`,
        [maxClients],
      )
    ).map((r: { id: string }) => r.id);
    await ds.query(`INSERT INTO credit_accounts (user_id, balance) SELECT unnest($1::uuid[]), 1000000000000`, [
      userIds,
    ]);
    // The pgbench ceiling: the same conditional UPDATE, without the ledger row or the ORM.
    await ds.query(`CREATE TABLE bench_accounts (id int PRIMARY KEY, balance bigint NOT NULL CHECK (balance >= 0))`);
    await ds.query(`INSERT INTO bench_accounts SELECT g, 1000000000000 FROM generate_series(1, $1) g`, [maxClients]);
    const hotScript = join(scratch, 'hot.sql');
    const spreadScript = join(scratch, 'spread.sql');
    writeFileSync(
      hotScript,
      'UPDATE bench_accounts SET balance = balance - 1 WHERE id = 1 AND balance >= 1 RETURNING balance;\n',
    );
    writeFileSync(
      spreadScript,
      'UPDATE bench_accounts SET balance = balance - 1 WHERE id = :client_id + 1 AND balance >= 1 RETURNING balance;\n',
    );

    const credits = new CreditsService(ds, new CreditsEvents());
    const spendLoop = async (shape: 'hot' | 'spread', clients: number, seconds: number): Promise<number> => {
      const until = Date.now() + seconds * 1000;
      let done = 0;
      await Promise.all(
        Array.from({ length: clients }, async (_, i) => {
          const userId = shape === 'hot' ? userIds[0] : userIds[i];
          while (Date.now() < until) {
            await credits.spend({ userId, amount: 1, kind: 'tool_spend' });
            done++;
          }
        }),
      );
      return done / seconds;
    };
    const pgbench = (script: string, clients: number): number => {
      const out = spawnSync(
        'pgbench',
        [
          '-n',
          '-f',
          script,
          '-c',
          String(clients),
          '-j',
          String(Math.min(clients, cpus().length)),
          '-T',
          String(duration),
          dbUrl,
        ],
        { encoding: 'utf8' },
      );
      const tps = /tps = ([\d.]+)/.exec(out.stdout ?? '');
      if (!tps) throw new Error(`pgbench failed: ${out.stderr || out.stdout || out.error?.message}`);
      return Number(tps[1]);
    };

    await spendLoop('spread', Math.min(4, maxClients), 1); // warm-up: JIT, pool connections
    const rows: Row[] = [];
    for (const shape of ['hot', 'spread'] as const) {
      for (const clients of clientCounts) {
        const service = await spendLoop(shape, clients, duration);
        const ceiling = pgbench(shape === 'hot' ? hotScript : spreadScript, clients);
        rows.push({
          shape: shape === 'hot' ? 'one account' : 'account per client',
          clients,
          service,
          pgbench: ceiling,
        });
      }
    }

    const [{ version }] = await ds
      .query(`SHOW server_version`)
      .then((r: { server_version: string }[]) => [{ version: r[0].server_version }]);
    const verify = await ds.query(
      `SELECT count(*)::int AS bad FROM credit_accounts a
        WHERE a.balance <> 1000000000000 + coalesce((SELECT sum(delta) FROM credit_ledger l WHERE l.user_id = a.user_id), 0)`,
    );
    console.log(
      `\nLedger spends/s — ${cpus().length} CPUs, PostgreSQL ${version}, ${duration} s each, node ${process.version}\n`,
    );
    console.log('shape               clients   CreditsService.spend/s   pgbench UPDATE/s (ceiling)   share');
    for (const r of rows) {
      console.log(
        `${r.shape.padEnd(20)}${String(r.clients).padStart(7)}${r.service.toFixed(0).padStart(25)}${r.pgbench.toFixed(0).padStart(29)}${`${((r.service / r.pgbench) * 100).toFixed(0)}%`.padStart(8)}`,
      );
    }
    console.log(
      `\nbalance == opening balance + ledger sum for every account: ${verify[0].bad === 0 ? 'yes' : `NO (${verify[0].bad})`}`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await cleanup();
  }
}

// The API's code uses decorators: compile it with the workspace tsconfig (as `npm run bench:ledger` does).
if (!process.env.SWC_NODE_PROJECT) {
  const child = spawn(process.execPath, process.execArgv.concat(process.argv.slice(1)), {
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
  });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  void main();
}
