import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The repository root: processes run from there, as `npm start` / `npm run worker` do. */
export const ROOT = resolve(__dirname, '../../..');

/**
 * Starts `apps/api/src/<entry>` (main.ts: the HTTP API, worker.ts: the BullMQ worker) as its own Node process,
 * compiled on the fly, and resolves once it prints `ready`. Rejects with its stderr if it exits first.
 */
export function spawnApiProcess(
  entry: 'main.ts' | 'worker.ts',
  env: Record<string, string>,
  ready = entry === 'main.ts' ? 'MegicAI listening' : 'MegicAI worker started',
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/api/src/${entry}`], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.app.json', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let err = '';
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout?.on('data', (c: Buffer) => {
      if (c.toString().includes(ready)) ok(child);
    });
    child.on('exit', (code) => fail(new Error(`${entry} exited (${String(code)}): ${err}`)));
  });
}

/** Kills with SIGKILL (no shutdown hook runs) and waits for the exit. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
