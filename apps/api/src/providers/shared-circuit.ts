import type Redis from 'ioredis';

/**
 * Circuit state shared by every API and worker process through Redis: when one process's breaker opens, it writes
 * `<prefix>:circuit:<provider>` for the half-open delay, and the others skip that provider without a request until
 * the key expires (then each lets trial calls through, as its own breaker would). A breaker that closes again
 * deletes the key. Redis is an accelerator here: while it is unreachable each process keeps its own breaker.
 */
export class SharedCircuit {
  /** Provider id → time until which another process reported the circuit open (saves a round trip per call). */
  private readonly openUntil = new Map<string, number>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly openMs: number,
    private readonly checkTimeoutMs = 100,
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
    return `${this.prefix}:circuit:${provider}`;
  }
}
