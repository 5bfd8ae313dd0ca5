import type { ToolKind } from '@megicai/contracts';

/** One call to one provider (all its retries included), as the fallback saw it. */
export interface ProviderCallSample {
  provider: string;
  model: string;
  kind: ToolKind;
  ok: boolean;
  durationMs: number;
  status?: number;
  code?: string;
  error?: string;
  at: Date;
}

export interface ProviderStats {
  provider: string;
  calls: number;
  failures: number;
  /** Calls not made because the circuit was open. */
  skipped: number;
  errorRate: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

export type ProviderCallListener = (sample: ProviderCallSample) => void;

const WINDOW = 500;

interface Counters {
  calls: number;
  failures: number;
  skipped: number;
  latencies: number[];
  next: number;
  lastError: string | null;
  lastErrorAt: string | null;
}

/**
 * In-memory counters per provider since start-up, plus a listener hook: the admin analytics and the Prometheus
 * metrics subscribe to the samples rather than this module knowing about either.
 */
export class ProviderMetrics {
  private readonly counters = new Map<string, Counters>();
  private readonly listeners = new Set<ProviderCallListener>();

  record(sample: ProviderCallSample): void {
    const c = this.counters.get(sample.provider) ?? this.fresh(sample.provider);
    if (sample.code === 'circuit_open') {
      c.skipped++;
    } else {
      c.calls++;
      // A ring of recent latencies keeps percentiles cheap and memory flat.
      c.latencies[c.next] = sample.durationMs;
      c.next = (c.next + 1) % WINDOW;
      if (!sample.ok) c.failures++;
    }
    if (!sample.ok) {
      c.lastError = sample.error ?? null;
      c.lastErrorAt = sample.at.toISOString();
    }
    for (const listener of this.listeners) {
      try {
        listener(sample);
      } catch {
        // A broken metrics consumer must never fail a generation.
      }
    }
  }

  /** Returns an unsubscribe function. */
  subscribe(listener: ProviderCallListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): ProviderStats[] {
    return [...this.counters.entries()].map(([provider, c]) => {
      const sorted = [...c.latencies].sort((a, b) => a - b);
      return {
        provider,
        calls: c.calls,
        failures: c.failures,
        skipped: c.skipped,
        errorRate: c.calls === 0 ? 0 : c.failures / c.calls,
        latencyP50Ms: percentile(sorted, 0.5),
        latencyP95Ms: percentile(sorted, 0.95),
        lastError: c.lastError,
        lastErrorAt: c.lastErrorAt,
      };
    });
  }

  private fresh(provider: string): Counters {
    const c: Counters = {
      calls: 0,
      failures: 0,
      skipped: 0,
      latencies: [],
      next: 0,
      lastError: null,
      lastErrorAt: null,
    };
    this.counters.set(provider, c);
    return c;
  }
}

export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? null;
}
