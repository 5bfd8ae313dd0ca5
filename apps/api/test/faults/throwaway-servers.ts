import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from '../processes';

/**
 * Servers a fault spec starts on its own spare port, so that it may kill and restart them: never the shared
 * PostgreSQL on 5432 or Redis on 6379.
 */

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => resolve(socket.end() !== undefined));
    socket.once('error', () => resolve(false));
  });

export class ThrowawayRedis {
  private child?: ChildProcess;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** In memory only: a restart comes back empty, as a lost Redis would. */
  async start(): Promise<void> {
    if (await portOpen(this.port)) throw new Error(`port ${this.port} is already taken`);
    this.child = spawn('redis-server', ['--port', String(this.port), '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await until(() => portOpen(this.port), 10_000, `redis on ${this.port}`);
  }

  /** SIGKILL: the outage is sudden, no goodbye to the clients. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.child = undefined;
  }
}

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** A PostgreSQL cluster of its own (trust auth, user postgres), run as the postgres user when the spec is root. */
export class ThrowawayPostgres {
  private dir?: string;

  constructor(readonly port: number) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async init(): Promise<void> {
    if (await portOpen(this.port)) throw new Error(`port ${this.port} is already taken`);
    this.dir = mkdtempSync(join(tmpdir(), 'megicai-pg-'));
    if (process.getuid?.() === 0) chownSync(this.dir, uid('postgres'), gid('postgres'));
    this.pg('initdb', ['-D', `${this.dir}/data`, '-A', 'trust', '-U', 'postgres']);
    await this.start();
  }

  async start(): Promise<void> {
    const dir = this.required();
    this.pg('pg_ctl', ['-D', `${dir}/data`, '-o', `-p ${this.port} -k ${dir}`, '-l', `${dir}/log`, '-w', 'start']);
    await until(() => portOpen(this.port), 10_000, `postgres on ${this.port}`);
  }

  /** Fast shutdown: every session is terminated, as in a failover or a restart. */
  stop(): void {
    this.pg('pg_ctl', ['-D', `${this.required()}/data`, '-m', 'fast', '-w', 'stop']);
  }

  destroy(): void {
    if (!this.dir) return;
    try {
      this.stop();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }

  private required(): string {
    if (!this.dir) throw new Error('init() first');
    return this.dir;
  }

  private pg(tool: string, args: string[]): void {
    const asRoot = process.getuid?.() === 0;
    const [cmd, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', `${PG_BIN}/${tool}`, ...args]]
      : [`${PG_BIN}/${tool}`, args];
    execFileSync(cmd, argv, { stdio: 'ignore', cwd: tmpdir() });
  }
}

const uid = (user: string) => Number(execFileSync('id', ['-u', user]).toString().trim());
const gid = (user: string) => Number(execFileSync('id', ['-g', user]).toString().trim());
