import {
  AD_TIERS,
  type AdTier,
  type AnalyticsDay,
  type AnalyticsReport,
  toCredits,
  type ToolKind,
} from '@megicai/contracts';
import type { AnalyticsFact } from '../../analytics-events/analytics-rollup.service';
import { LATENCY_BUCKETS_MS } from '../../analytics-events/analytics-facts.sql';

const DAY_MS = 24 * 3600 * 1000;

export const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);
const usd = (n: number) => Math.round(n * 100) / 100;

/** What turns counts into dollars: eCPM per ad tier, cost of a provider run per tool kind (USD). */
export interface Prices {
  ecpm(tier: AdTier): number;
  runCost(kind: ToolKind): number;
}

export interface ToolInfo {
  name: string;
  kind: ToolKind | null;
}

/** The facts of one metric, summed by a key taken from each row. */
class Totals {
  private readonly byMetric = new Map<string, AnalyticsFact[]>();

  constructor(facts: AnalyticsFact[]) {
    for (const f of facts) {
      const list = this.byMetric.get(f.metric) ?? [];
      list.push(f);
      this.byMetric.set(f.metric, list);
    }
  }

  rows(metric: string): AnalyticsFact[] {
    return this.byMetric.get(metric) ?? [];
  }

  sum(metric: string): number {
    return this.rows(metric).reduce((n, f) => n + f.value, 0);
  }

  by(metric: string, key: (f: AnalyticsFact) => string = (f) => f.dim1): Map<string, number> {
    const out = new Map<string, number>();
    for (const f of this.rows(metric)) out.set(key(f), (out.get(key(f)) ?? 0) + f.value);
    return out;
  }
}

/**
 * The report from the rollups' facts (see analytics-facts.sql.ts for the metrics): window totals from the rows
 * without a day, the per-day series from the others. Pure, so the arithmetic is specified on its own.
 */
export function buildReport(
  start: Date,
  end: Date,
  facts: AnalyticsFact[],
  tools: Map<string, ToolInfo>,
  prices: Prices,
): AnalyticsReport {
  const totals = new Totals(facts.filter((f) => f.day === null));
  const days = buildDays(start, end, facts, prices);

  const started = totals.by('ad_started');
  const completed = totals.by('ad_completed');
  const byTier = AD_TIERS.filter((t) => started.has(t) || completed.has(t)).map((tier) => ({
    tier,
    started: started.get(tier) ?? 0,
    completed: completed.get(tier) ?? 0,
  }));
  const adsStarted = totals.sum('ad_started');
  const adsCompleted = totals.sum('ad_completed');

  const runs = totals.by('runs');
  const failed = totals.by('runs_failed');
  const toolIds = [...new Set([...runs.keys(), ...failed.keys()])];
  const providerRuns = totals.by('provider_runs');
  const providerFailed = totals.by('provider_failed');
  const hits = totals.sum('cache_hits');
  const allRuns = totals.sum('runs');
  const name = (id: string) => tools.get(id)?.name ?? id;

  return {
    from: start.toISOString().slice(0, 10),
    to: new Date(end.getTime() - DAY_MS).toISOString().slice(0, 10),
    dau: days.map((d) => ({ date: d.date, users: d.dau })),
    ads: { started: adsStarted, completed: adsCompleted, conversion: ratio(adsCompleted, adsStarted), byTier },
    credits: {
      earnedByKind: credits(totals.by('credits_earned')),
      spentByKind: credits(totals.by('credits_spent')),
      spentByTool: [...totals.by('tool_spent')]
        .filter(([, v]) => v !== 0)
        .map(([toolId, v]) => ({ toolId, name: name(toolId), credits: toCredits(v) }))
        .sort((a, b) => b.credits - a.credits),
    },
    runs: {
      byTool: toolIds
        .map((toolId) => ({
          toolId,
          name: name(toolId),
          kind: tools.get(toolId)?.kind ?? null,
          runs: runs.get(toolId) ?? 0,
          failed: failed.get(toolId) ?? 0,
        }))
        .sort((a, b) => b.runs - a.runs),
      byProvider: [...providerRuns]
        .map(([provider, n]) => ({ provider, runs: n, failed: providerFailed.get(provider) ?? 0 }))
        .sort((a, b) => b.runs - a.runs),
    },
    providers: providerHealth(totals),
    cache: { hits, misses: Math.max(0, allRuns - hits), hitRate: ratio(hits, allRuns) },
    revenue: {
      estimatedAdRevenue: usd(days.reduce((n, d) => n + d.adRevenue, 0)),
      estimatedProviderCost: usd(days.reduce((n, d) => n + d.providerCost, 0)),
      currency: 'USD',
    },
    days,
  };
}

function credits(milli: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...milli].filter(([, v]) => v !== 0).map(([k, v]) => [k, toCredits(v)]));
}

/** Every provider call (fallbacks included): error rate, and p50/p95 from the latency histogram. */
function providerHealth(totals: Totals): AnalyticsReport['providers'] {
  const calls = totals.by('attempts');
  const errors = totals.by('attempt_errors');
  const histograms = new Map<string, Map<number, number>>();
  for (const f of totals.rows('attempts')) {
    if (f.dim2 === '') continue; // not timed
    const h = histograms.get(f.dim1) ?? new Map<number, number>();
    h.set(Number(f.dim2), (h.get(Number(f.dim2)) ?? 0) + f.value);
    histograms.set(f.dim1, h);
  }
  return [...calls]
    .map(([provider, n]) => {
      const h = histograms.get(provider);
      return {
        provider,
        runs: n,
        latencyP50Ms: h ? percentile(h, 0.5) : null,
        latencyP95Ms: h ? percentile(h, 0.95) : null,
        errorRate: ratio(errors.get(provider) ?? 0, n),
      };
    })
    .sort((a, b) => b.runs - a.runs);
}

/**
 * The q-quantile of a histogram (bucket index → count; bucket i is [bound[i-1], bound[i]), as `width_bucket`
 * numbers them), interpolated linearly inside its bucket; the open last bucket answers its lower bound.
 */
export function percentile(histogram: Map<number, number>, q: number): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (const index of [...histogram.keys()].sort((a, b) => a - b)) {
    const count = histogram.get(index) ?? 0;
    if (seen + count >= rank && count > 0) {
      const lower = index === 0 ? 0 : LATENCY_BUCKETS_MS[index - 1];
      const upper = index < LATENCY_BUCKETS_MS.length ? LATENCY_BUCKETS_MS[index] : lower;
      return Math.round(lower + ((upper - lower) * (rank - seen)) / count);
    }
    seen += count;
  }
  return null;
}

/** One row per day of [start, end), zeros included. */
function buildDays(start: Date, end: Date, facts: AnalyticsFact[], prices: Prices): AnalyticsDay[] {
  const byDay = new Map<string, AnalyticsFact[]>();
  for (const f of facts) {
    if (f.day === null) continue;
    const list = byDay.get(f.day) ?? [];
    list.push(f);
    byDay.set(f.day, list);
  }
  const days: AnalyticsDay[] = [];
  for (let t = start.getTime(); t < end.getTime(); t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    const day = new Totals(byDay.get(date) ?? []);
    const adRevenue = [...day.by('ad_completed')].reduce(
      (n, [tier, c]) => n + (c * prices.ecpm(tier as AdTier)) / 1000,
      0,
    );
    const providerCost = [...day.by('paid_runs')].reduce((n, [kind, c]) => n + c * prices.runCost(kind as ToolKind), 0);
    days.push({
      date,
      dau: day.sum('dau'),
      newUsers: day.sum('new_users'),
      adStarted: day.sum('ad_started'),
      adCompleted: day.sum('ad_completed'),
      creditsEarned: toCredits(day.sum('credits_earned')),
      creditsSpent: toCredits(day.sum('credits_spent')),
      runs: day.sum('runs'),
      failedRuns: day.sum('runs_failed'),
      cacheHits: day.sum('cache_hits'),
      adRevenue: usd4(adRevenue),
      providerCost: usd4(providerCost),
      margin: usd4(adRevenue - providerCost),
    });
  }
  return days;
}

/** Per-day dollars keep 4 decimals: a day's text-run cost is often below a cent. */
const usd4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** The per-day series as CSV (a header row, then one line per day), the numbers of the JSON report. */
export function daysCsv(days: AnalyticsDay[]): string {
  const columns: (keyof AnalyticsDay)[] = [
    'date',
    'dau',
    'newUsers',
    'adStarted',
    'adCompleted',
    'creditsEarned',
    'creditsSpent',
    'runs',
    'failedRuns',
    'cacheHits',
    'adRevenue',
    'providerCost',
    'margin',
  ];
  const lines = [columns.join(','), ...days.map((d) => columns.map((c) => String(d[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
