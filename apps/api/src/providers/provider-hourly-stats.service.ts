import { Inject, Injectable, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { redisConfig } from '../config/redis.config';
import { REDIS } from '../redis/redis.module';
import { percentile } from './provider-metrics';
import type { CircuitStatus } from './provider-resilience.policy';
import { ProvidersService } from './providers.service';

/** One provider's calls in the last hour, as one process saw them (or all processes, merged). */
export interface ProviderHourStats {
  runs: number;
  failures: number;
  /** Latencies (ms) of the most recent calls of the hour, for percentiles. */
  latencies: number[];
}

/** A row of GET /admin/providers. */
export interface ProviderHealth {
  id: string;
  configured: boolean;
  healthy: boolean;
  circuit: CircuitStatus;
  latencyP50: number | null;
  latencyP95: number | null;
  errorRate: number;
  runs: number;
}

const HOUR_MS = 3600_000;
/** Samples kept per provider and process: bounds memory and the Redis hash on a busy provider. */
const MAX_SAMPLES = 2000;
/** How often each process publishes its stats; a process silent for 3 intervals is left out of the merge. */
const FLUSH_MS = 10_000;

interface Sample {
  at: number;
  ok: boolean;
  ms: number;
}

/**
 * The admin's provider health must cover every API and worker process, while each keeps its calls in memory. So
 * each process publishes its last hour to its own Redis hash (`<prefix>:provider-stats:<process>`, one field per
 * provider, with a TTL so a dead process drops out) and registers itself in a sorted set by last publish time; the
 * admin route merges the live processes' hashes. Calls skipped by an open circuit are not runs and are not counted.
 */
@Injectable()
export class ProviderHourlyStatsService implements OnModuleInit, OnModuleDestroy {
  private readonly samples = new Map<string, Sample[]>();
  private readonly processId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;

  constructor(
    private readonly providers: ProvidersService,
    @Optional() @Inject(REDIS) private readonly redis?: Redis,
    @Optional() @Inject(redisConfig.KEY) private readonly redisSettings?: ConfigType<typeof redisConfig>,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.providers.onCall((s) => {
      if (s.code === 'circuit_open') return;
      const list = this.samples.get(s.provider) ?? [];
      list.push({ at: s.at.getTime(), ok: s.ok, ms: s.durationMs });
      if (list.length > MAX_SAMPLES) list.splice(0, list.length - MAX_SAMPLES);
      this.samples.set(s.provider, list);
    });
    this.timer = setInterval(() => void this.flush().catch(() => undefined), FLUSH_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    await this.flush().catch(() => undefined);
  }

  /** This process's last hour. */
  local(now = Date.now()): Map<string, ProviderHourStats> {
    const out = new Map<string, ProviderHourStats>();
    for (const [provider, list] of this.samples) {
      const recent = list.filter((s) => s.at > now - HOUR_MS);
      this.samples.set(provider, recent);
      out.set(provider, {
        runs: recent.length,
        failures: recent.filter((s) => !s.ok).length,
        latencies: recent.map((s) => s.ms),
      });
    }
    return out;
  }

  /** Publishes this process's last hour to Redis (also called by the admin route, so its own numbers are fresh). */
  async flush(): Promise<void> {
    if (!this.redis || this.redis.status !== 'ready') return;
    const stats = this.local();
    const key = this.key(this.processId);
    const multi = this.redis.multi().del(key);
    if (stats.size > 0) {
      multi.hset(key, Object.fromEntries([...stats].map(([p, s]) => [p, JSON.stringify(s)])));
      multi.pexpire(key, 3 * FLUSH_MS);
    }
    multi.zadd(this.key('processes'), Date.now(), this.processId);
    multi.zremrangebyscore(this.key('processes'), 0, Date.now() - HOUR_MS);
    await multi.exec();
  }

  /** Every live process's last hour, summed per provider. Falls back to this process alone without Redis. */
  async merged(): Promise<Map<string, ProviderHourStats>> {
    if (!this.redis || this.redis.status !== 'ready') return this.local();
    await this.flush();
    const ids = await this.redis.zrangebyscore(this.key('processes'), Date.now() - 3 * FLUSH_MS, '+inf');
    const hashes = await Promise.all(ids.map((id) => this.redis!.hgetall(this.key(id))));
    const out = new Map<string, ProviderHourStats>();
    for (const hash of hashes) {
      for (const [provider, json] of Object.entries(hash)) {
        const s = JSON.parse(json) as ProviderHourStats;
        const sum = out.get(provider) ?? { runs: 0, failures: 0, latencies: [] };
        sum.runs += s.runs;
        sum.failures += s.failures;
        sum.latencies.push(...s.latencies);
        out.set(provider, sum);
      }
    }
    return out;
  }

  /** Every provider with its configuration and circuit, and the merged last hour of all processes. */
  async health(): Promise<ProviderHealth[]> {
    const merged = await this.merged();
    return this.providers.list().map((p) => {
      const s = merged.get(p.id) ?? { runs: 0, failures: 0, latencies: [] };
      const sorted = [...s.latencies].sort((a, b) => a - b);
      return {
        id: p.id,
        configured: p.available,
        healthy: p.healthy,
        circuit: p.circuit,
        latencyP50: percentile(sorted, 0.5),
        latencyP95: percentile(sorted, 0.95),
        errorRate: s.runs === 0 ? 0 : s.failures / s.runs,
        runs: s.runs,
      };
    });
  }

  private key(suffix: string): string {
    return `${this.redisSettings?.prefix ?? 'megicai'}:provider-stats:${suffix}`;
  }
}
