import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** A BullMQ worker as production runs it: its own process (`apps/api/src/worker.ts`), killed for real by the spec. */
export function spawnWorker(env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.app.json', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let err = '';
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout?.on('data', (c: Buffer) => {
      if (c.toString().includes('MegicAI worker started')) ok(child);
    });
    child.on('exit', (code) => fail(new Error(`worker exited (${String(code)}): ${err}`)));
  });
}

/** Polls `check` every 50 ms until it holds. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
