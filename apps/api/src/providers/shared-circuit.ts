import { createHash, randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { subscribeInvalidations } from '../common/cache/shared-memo';

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
  /** Provider id → when its key was last read while subscribed: until READ_AGAIN_MS later, reports keep it current. */
  private readonly readAt = new Map<string, number>();
  private readonly instance = randomUUID();
  private readonly keys = new Map<string, string>();
  private subscriber?: Redis;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly openMs: number,
    private readonly checkTimeoutMs = 100,
    /** Provider id → endpoint (base URL) its calls go to. */
    private readonly endpoints: ReadonlyMap<string, string | undefined> = new Map(),
  ) {}

  /**
   * Subscribes to the other processes' open/close reports. A provider's key read while subscribed needs no read for
   * READ_AGAIN_MS: reports keep this process's view current meanwhile. A reconnect forgets what was read (reports may
   * have been missed), and the re-read bounds how long a report lost any other way can go unseen.
   */
  listen(): void {
    this.subscriber ??= subscribeInvalidations(
      this.redis,
      this.channel(),
      (message) => this.onReport(message),
      () => this.readAt.clear(),
    );
  }

  stop(): void {
    this.readAt.clear();
    this.subscriber?.disconnect();
    this.subscriber = undefined;
  }

  /** Whether another process reported the provider's circuit open (cached until the report expires). */
  async isOpen(provider: string): Promise<boolean> {
    if (this.knownOpen(provider)) return true;
    if (this.subscriber?.status === 'ready' && Date.now() - (this.readAt.get(provider) ?? -Infinity) < READ_AGAIN_MS) {
      return false;
    }
    if (this.redis.status !== 'ready') return false;
    const readAt = Date.now();
    const ttl = await Promise.race([
      this.redis.pttl(this.key(provider)).catch(() => UNKNOWN),
      new Promise<number>((resolve) => setTimeout(() => resolve(UNKNOWN), this.checkTimeoutMs).unref()),
    ]);
    if (ttl !== UNKNOWN && this.subscriber?.status === 'ready') this.readAt.set(provider, readAt);
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
/** How long a read (then the reports) answers for a provider before it is read again. */
const READ_AGAIN_MS = 5000;

interface Report {
  from: string;
  key: string;
  provider: string;
  /** How long the circuit stays open from now; 0 when it closed. */
  ms: number;
}
