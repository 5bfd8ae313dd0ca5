import { createHash, randomUUID } from 'node:crypto';
import type Redis from 'ioredis';

/**
 * Circuit state shared by every API and worker process through Redis: when one process's breaker opens, it writes
 * `<prefix>:circuit:<provider>:<endpoint digest>` for the half-open delay, and the others skip that provider without a request until
 * the key expires (then each lets trial calls through, as its own breaker would). A breaker that closes again
 * deletes the key. Both changes are also published, so a process reads a provider's key once and then follows the
 * reports (no round trip per call). Redis is an accelerator here: while it is unreachable each process keeps its own
 * breaker.
 * The key names the provider's endpoint: only processes calling the same server share its circuit (apps of one
 * test run share a Redis prefix but each talks to its own fake server).
 */
export class SharedCircuit {
  /** Provider id → time until which another process reported the circuit open (saves a round trip per call). */
  private readonly openUntil = new Map<string, number>();
  /** Providers read from Redis since the subscription was last (re)established: their reports arrive by pub/sub. */
  private readonly synced = new Set<string>();
  private readonly instance = randomUUID();
  private readonly keys = new Map<string, string>();
  private subscriber?: Redis;
  private listening = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly openMs: number,
    private readonly checkTimeoutMs = 100,
    /** Provider id → endpoint (base URL) its calls go to. */
    private readonly endpoints: ReadonlyMap<string, string | undefined> = new Map(),
  ) {}

  /**
   * Subscribes to the other processes' open/close reports. Once a provider's state has been read after the
   * subscription, a check costs no round trip: reports keep this process's view current. While the subscription is
   * down (or before it is up) every check reads Redis as before; a reconnect forgets what was read, since reports
   * may have been missed meanwhile.
   */
  listen(): void {
    if (this.subscriber) return;
    // Unlike the request-path connection, this one waits for Redis: it is never awaited by a request.
    const subscriber = this.redis.duplicate({ enableOfflineQueue: true, autoResubscribe: false });
    subscriber.on('error', () => undefined);
    subscriber.on('close', () => this.unsync());
    subscriber.on('message', (_channel: string, message: string) => this.onReport(message));
    // Every (re)connection subscribes afresh; only once Redis confirmed are checks answered from memory.
    subscriber.on('ready', () => {
      this.unsync();
      subscriber.subscribe(this.channel()).then(
        () => {
          this.synced.clear();
          this.listening = this.subscriber === subscriber;
        },
        () => undefined,
      );
    });
    this.subscriber = subscriber;
  }

  stop(): void {
    this.unsync();
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    // Not QUIT: with Redis away, a queued QUIT would wait for it to come back and hold the shutdown.
    subscriber?.disconnect();
  }

  /** Whether another process reported the provider's circuit open (cached until the report expires). */
  async isOpen(provider: string): Promise<boolean> {
    if (this.knownOpen(provider)) return true;
    if (this.listening && this.synced.has(provider)) return false;
    if (this.redis.status !== 'ready') return false;
    const listening = this.listening;
    const ttl = await Promise.race([
      this.redis.pttl(this.key(provider)).catch(() => UNKNOWN),
      new Promise<number>((resolve) => setTimeout(() => resolve(UNKNOWN), this.checkTimeoutMs).unref()),
    ]);
    // Read while subscribed: later changes arrive as reports.
    if (ttl !== UNKNOWN && listening && this.listening) this.synced.add(provider);
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
    this.report(provider, this.openMs);
  }

  close(provider: string): void {
    this.openUntil.delete(provider);
    if (this.redis.status !== 'ready') return;
    this.redis.del(this.key(provider)).catch(() => undefined);
    this.report(provider, 0);
  }

  private report(provider: string, ms: number): void {
    const message: Report = { from: this.instance, key: this.key(provider), provider, ms };
    this.redis.publish(this.channel(), JSON.stringify(message)).catch(() => undefined);
  }

  private onReport(raw: string): void {
    let report: Report;
    try {
      report = JSON.parse(raw) as Report;
    } catch {
      return;
    }
    // Our own reports change nothing (this process's breaker already is in that state); another endpoint's circuit
    // (a provider of the same id pointed elsewhere) is not ours.
    if (report.from === this.instance || report.key !== this.key(report.provider)) return;
    if (report.ms > 0) this.openUntil.set(report.provider, Date.now() + report.ms);
    else this.openUntil.delete(report.provider);
  }

  private unsync(): void {
    this.listening = false;
    this.synced.clear();
  }

  private channel(): string {
    return `${this.prefix}:circuit-reports`;
  }

  private key(provider: string): string {
    let key = this.keys.get(provider);
    if (key === undefined) {
      const endpoint = createHash('sha256')
        .update(this.endpoints.get(provider) ?? '')
        .digest('hex')
        .slice(0, 12);
      key = `${this.prefix}:circuit:${provider}:${endpoint}`;
      this.keys.set(provider, key);
    }
    return key;
  }
}

/** A check that got no answer (Redis slow or away): not remembered as read. */
const UNKNOWN = -3;

interface Report {
  from: string;
  key: string;
  provider: string;
  /** How long the circuit stays open from now; 0 when it closed. */
  ms: number;
}
