import { createHash } from 'node:crypto';
import type Redis from 'ioredis';

/**
 * Circuit state shared by every API and worker process through Redis: when one process's breaker opens, it writes
 * `<prefix>:circuit:<provider>:<endpoint digest>` for the half-open delay, and the others skip that provider without a request until
 * the key expires (then each lets trial calls through, as its own breaker would). A breaker that closes again
 * deletes the key. Redis is an accelerator here: while it is unreachable each process keeps its own breaker.
 * The key names the provider's endpoint: only processes calling the same server share its circuit (apps of one
 * test run share a Redis prefix but each talks to its own fake server).
 */
export class SharedCircuit {
  /** Provider id → time until which another process reported the circuit open (saves a round trip per call). */
  private readonly openUntil = new Map<string, number>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly openMs: number,
    private readonly checkTimeoutMs = 100,
    /** Provider id → endpoint (base URL) its calls go to. */
    private readonly endpoints: ReadonlyMap<string, string | undefined> = new Map(),
  ) {}

  /** Whether another process reported the provider's circuit open (cached until the report expires). */
  async isOpen(provider: string): Promise<boolean> {
    if (this.knownOpen(provider)) return true;
    if (this.redis.status !== 'ready') return false;
    const ttl = await Promise.race([
      this.redis.pttl(this.key(provider)).catch(() => -2),
      new Promise<number>((resolve) => setTimeout(() => resolve(-2), this.checkTimeoutMs).unref()),
    ]);
    if (ttl <= 0) return false;
    this.openUntil.set(provider, Date.now() + ttl);
    return true;
  }

  /** Synchronous view for listings: open if a report seen by this process has not expired yet. */
  knownOpen(provider: string): boolean {
    const until = this.openUntil.get(provider);
    return until !== undefined && until > Date.now();
  }

  open(provider: string): void {
    this.openUntil.delete(provider);
    if (this.redis.status !== 'ready') return;
    this.redis.set(this.key(provider), String(process.pid), 'PX', this.openMs).catch(() => undefined);
  }

  close(provider: string): void {
    this.openUntil.delete(provider);
    if (this.redis.status !== 'ready') return;
    this.redis.del(this.key(provider)).catch(() => undefined);
  }

  private key(provider: string): string {
    const endpoint = createHash('sha256')
      .update(this.endpoints.get(provider) ?? '')
      .digest('hex')
      .slice(0, 12);
    return `${this.prefix}:circuit:${provider}:${endpoint}`;
  }
}
