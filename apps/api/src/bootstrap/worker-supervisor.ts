import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const MAX_BACKOFF_MS = 30_000;

/**
 * Runs the BullMQ worker (`worker.js` beside this build) as a child process of the API, so that media work gets the
 * second core instead of sharing the HTTP thread, while `npm start` stays one command. A worker that dies is started
 * again with a growing delay (reset once it has stayed up for a minute); on shutdown the API passes its signal on and
 * waits for the worker to drain its jobs.
 */
export class WorkerSupervisor {
  private child?: ChildProcess;
  private stopping = false;
  private failures = 0;
  private restartTimer?: NodeJS.Timeout;

  constructor(private readonly entry = workerEntry()) {}

  start(): void {
    if (this.stopping) return;
    const startedAt = Date.now();
    const execArgv = this.entry.endsWith('.ts') ? ['-r', '@swc-node/register'] : [];
    const child = fork(this.entry, [], { env: { ...process.env, RUN_WORKER: 'off' }, execArgv, stdio: 'inherit' });
    this.child = child;
    child.on('exit', (code, signal) => {
      this.child = undefined;
      if (this.stopping) return;
      this.failures = Date.now() - startedAt > 60_000 ? 1 : this.failures + 1;
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** (this.failures - 1));
      console.error(`MegicAI worker exited (${signal ?? code}); restarting in ${delay} ms`);
      this.restartTimer = setTimeout(() => this.start(), delay);
    });
  }

  /** Passes the shutdown on and resolves once the worker has exited (or after `timeoutMs`, when it is killed). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 25_000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }
}

/** `dist/worker.js` in a build; the TypeScript source when the API itself runs from source (tests, tools). */
function workerEntry(): string {
  const built = join(__dirname, '..', 'worker.js');
  return existsSync(built) ? built : join(__dirname, '..', 'worker.ts');
}
