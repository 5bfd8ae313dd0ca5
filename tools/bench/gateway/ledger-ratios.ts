/** Runs `bench:ledger` as a child (its own database) and reads its share column: CreditsService.spend / pgbench. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../http/platform';

export async function ledgerRatios(): Promise<number[]> {
  const result = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', join(repoRoot, 'tools/bench/ledger/ledger.bench.ts')],
    { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, BENCH_DURATION: process.env.BENCH_DURATION ?? '5' } },
  );
  const shares = [
    ...(result.stdout ?? '').matchAll(/^(?:one account|account per client)\s+\d+\s+\d+\s+\d+\s+(\d+)%$/gm),
  ];
  if (shares.length === 0) throw new Error(`bench:ledger printed no shares:\n${result.stdout}\n${result.stderr}`);
  process.stdout.write(result.stdout.slice(result.stdout.indexOf('\nLedger')));
  return shares.map((m) => Number(m[1]) / 100);
}
