import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';

/**
 * A value read rarely changed and read on hot paths (the tool catalog, the ad tiers), kept in this process. A change
 * made through the owning service drops it here at once and in every other process over Redis pub/sub; while Redis
 * is away (messages lost), `ttlMs` bounds how stale another process can be, and a reconnect forgets everything.
 * A load that started before an invalidation is not kept after it.
 */
export class SharedMemo<T> {
  private readonly logger = new Logger(SharedMemo.name);
  private value?: { data: T; until: number };
  private pending?: Promise<T>;
  private generation = 0;
  private subscriber?: Redis;

  constructor(
    private readonly redis: Redis,
    private readonly channel: string,
    private readonly ttlMs: number,
    private readonly load: () => Promise<T>,
  ) {}

  start(): void {
    this.subscriber = subscribeInvalidations(
      this.redis,
      this.channel,
      () => this.forget(),
      () => this.forget(),
    );
  }

  stop(): void {
    this.subscriber?.disconnect();
  }

  async get(): Promise<T> {
    if (this.value && this.value.until > Date.now()) return this.value.data;
    // Concurrent misses share one load.
    this.pending ??= this.refresh().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** After a change: this process forgets at once, the others when the message arrives. */
  async changed(): Promise<void> {
    this.forget();
    await this.redis.publish(this.channel, '1').catch((error: unknown) => {
      this.logger.warn(`Change on ${this.channel} not broadcast (others catch up within ${this.ttlMs} ms): ${error}`);
    });
  }

  /** Drops this process's copy (a read found the store ahead of it); tells no one. */
  forget(): void {
    this.generation += 1;
    this.value = undefined;
    this.pending = undefined;
  }

  private async refresh(): Promise<T> {
    const generation = this.generation;
    const data = await this.load();
    if (generation === this.generation) this.value = { data, until: Date.now() + this.ttlMs };
    return data;
  }
}

/**
 * Listens on `channel` on a connection of its own (a subscriber cannot send other commands), with the offline queue
 * so that the subscription is sent once connected and again after a reconnect. Messages published while cut off are
 * lost: `onReconnect` is called then, to forget everything learnt before.
 */
export function subscribeInvalidations(
  redis: Redis,
  channel: string,
  onMessage: (message: string) => void,
  onReconnect: () => void,
): Redis {
  const subscriber = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  let lost = false;
  subscriber.on('error', () => undefined);
  subscriber.on('close', () => (lost = true));
  subscriber.on('ready', () => {
    if (lost) onReconnect();
    lost = false;
  });
  subscriber.on('message', (_channel: string, message: string) => onMessage(message));
  subscriber.subscribe(channel).catch(() => undefined);
  return subscriber;
}
