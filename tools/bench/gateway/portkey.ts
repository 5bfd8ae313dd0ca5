/**
 * The Portkey open-source gateway, installed on first use into `.portkey/` beside this file (git-ignored; never a
 * platform dependency) and run headless on a free port.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const VERSION = '1.15.2';
const folder = join(__dirname, '.portkey');
const entry = join(folder, 'node_modules', '@portkey-ai', 'gateway', 'build', 'start-server.js');

export interface Portkey {
  url: string;
  stop(): Promise<void>;
}

function install(): void {
  if (existsSync(entry)) return;
  console.log(`installing @portkey-ai/gateway@${VERSION} into ${folder} …`);
  const result = spawnSync(
    'npm',
    ['install', '--prefix', folder, '--no-save', '--no-audit', '--no-fund', `@portkey-ai/gateway@${VERSION}`],
    { stdio: 'inherit' },
  );
  if (result.status !== 0 || !existsSync(entry)) throw new Error('could not install @portkey-ai/gateway');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startPortkey(): Promise<Portkey> {
  install();
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [entry, `--port=${port}`, '--headless'], {
    // Production mode: no log UI; 127.0.0.1 is a trusted custom host (the fake upstream).
    env: { ...process.env, NODE_ENV: 'production', TRUSTED_CUSTOM_HOSTS: '127.0.0.1,localhost' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (
    !(await fetch(url).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error(`Portkey exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('Portkey did not start within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
