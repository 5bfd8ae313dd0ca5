import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { AdTier, AnalyticsReport, LedgerKind, ToolKind } from '@megicai/contracts';
import { toCredits } from '@megicai/contracts';
import { AdsService } from '../ads/ads.service';
import { ProblemCode } from '@megicai/contracts';
import { AnalyticsException } from './analytics.exception';
import { analyticsConfig } from '../config/analytics.config';
import { CreditsReadService } from '../credits/credits-read.service';
import { JobsService } from '../jobs/jobs.service';
import { ToolsService } from '../tools/tools.service';

const DAY_MS = 24 * 3600 * 1000;
export const MAX_ANALYTICS_DAYS = 92;
/** The provider that answers without a network call costs nothing. */
const FREE_PROVIDERS = new Set(['offline']);

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);
const usd = (n: number) => Math.round(n * 100) / 100;
const utcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/**
 * Admin aggregates over a window of whole UTC days. Every figure comes from the owning module's service, each
 * query bounded by the window and served by a date index; nothing is stored here.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    @Inject(analyticsConfig.KEY) private readonly cfg: ConfigType<typeof analyticsConfig>,
    private readonly jobs: JobsService,
    private readonly credits: CreditsReadService,
    private readonly ads: AdsService,
    private readonly tools: ToolsService,
  ) {}

  /** `from`/`to` are inclusive days (ISO dates or instants); defaults to the last 7 days, today included. */
  window(from?: string, to?: string, now = new Date()): { start: Date; end: Date } {
    const end = to ? utcDay(new Date(to)) : utcDay(now);
    const start = from ? utcDay(new Date(from)) : new Date(end.getTime() - 6 * DAY_MS);
    if (start.getTime() > end.getTime()) {
      throw new AnalyticsException(ProblemCode.ValidationFailed, 'from must not be after to.', {
        errors: [{ field: 'from', message: 'must be <= to' }],
      });
    }
    const days = (end.getTime() - start.getTime()) / DAY_MS + 1;
    if (days > MAX_ANALYTICS_DAYS) {
      throw new AnalyticsException(ProblemCode.ValidationFailed, `The window is at most ${MAX_ANALYTICS_DAYS} days.`, {
        errors: [{ field: 'from', message: `at most ${MAX_ANALYTICS_DAYS} days before to` }],
      });
    }
    return { start, end: new Date(end.getTime() + DAY_MS) };
  }

  async report(fromParam?: string, toParam?: string): Promise<AnalyticsReport> {
    const { start, end } = this.window(fromParam, toParam);
    const [runs, latency, ledger, ledgerUsers, jobUsers, sessions, tools] = await Promise.all([
      this.jobs.stats(start, end),
      this.jobs.providerLatency(start, end),
      this.credits.totalsByKind(start, end),
      this.credits.activeUsersByDay(start, end),
      this.jobs.activeUsersByDay(start, end),
      this.ads.sessionStats(start, end),
      this.tools.listAll(),
    ]);
    const toolById = new Map(tools.map((t) => [t.id, t]));

    const byTool = new Map<string, { runs: number; failed: number }>();
    const byProvider = new Map<string, { runs: number; failed: number }>();
    let hits = 0;
    let total = 0;
    let providerCost = 0;
    for (const row of runs) {
      const t = byTool.get(row.toolId) ?? { runs: 0, failed: 0 };
      t.runs += row.runs;
      t.failed += row.failed;
      byTool.set(row.toolId, t);
      const name = row.provider ?? 'none';
      const p = byProvider.get(name) ?? { runs: 0, failed: 0 };
      p.runs += row.runs;
      p.failed += row.failed;
      byProvider.set(name, p);
      hits += row.cached;
      total += row.runs;
      const kind = toolById.get(row.toolId)?.kind;
      if (kind && row.provider && !FREE_PROVIDERS.has(row.provider)) {
        providerCost += (row.runs - row.cached) * this.runCost(kind);
      }
    }

    const started = sessions.reduce((n, s) => n + s.started, 0);
    const completed = sessions.reduce((n, s) => n + s.completed, 0);
    const adRevenue = sessions.reduce((sum, s) => sum + (s.completed * this.ecpm(s.tier)) / 1000, 0);

    const earnedByKind: Partial<Record<LedgerKind, number>> = {};
    const spentByKind: Partial<Record<LedgerKind, number>> = {};
    for (const row of ledger) {
      if (row.earned) earnedByKind[row.kind] = toCredits(row.earned);
      if (row.spent) spentByKind[row.kind] = toCredits(row.spent);
    }

    return {
      from: start.toISOString().slice(0, 10),
      to: new Date(end.getTime() - DAY_MS).toISOString().slice(0, 10),
      dau: this.dau(start, end, [...ledgerUsers, ...jobUsers]),
      ads: { started, completed, conversion: ratio(completed, started), byTier: sessions },
      credits: { earnedByKind, spentByKind },
      runs: {
        byTool: [...byTool].map(([toolId, v]) => ({
          toolId,
          name: toolById.get(toolId)?.name ?? toolId,
          kind: toolById.get(toolId)?.kind ?? null,
          ...v,
        })),
        byProvider: [...byProvider].map(([provider, v]) => ({ provider, ...v })),
      },
      providers: latency.map((r) => ({
        provider: r.provider,
        runs: r.runs,
        latencyP50Ms: r.latencyP50Ms,
        latencyP95Ms: r.latencyP95Ms,
        errorRate: ratio(r.failed, r.runs),
      })),
      cache: { hits, misses: total - hits, hitRate: ratio(hits, total) },
      revenue: { estimatedAdRevenue: usd(adRevenue), estimatedProviderCost: usd(providerCost), currency: 'USD' },
    };
  }

  /** One point per day of the window (zeros included), counting each user once a day across both sources. */
  private dau(start: Date, end: Date, pairs: { date: string; userId: string }[]): { date: string; users: number }[] {
    const perDay = new Map<string, Set<string>>();
    for (const { date, userId } of pairs) {
      const set = perDay.get(date) ?? new Set<string>();
      set.add(userId);
      perDay.set(date, set);
    }
    const series: { date: string; users: number }[] = [];
    for (let t = start.getTime(); t < end.getTime(); t += DAY_MS) {
      const date = new Date(t).toISOString().slice(0, 10);
      series.push({ date, users: perDay.get(date)?.size ?? 0 });
    }
    return series;
  }

  private ecpm(tier: AdTier): number {
    return { text: this.cfg.ecpmTextUsd, image: this.cfg.ecpmImageUsd, video: this.cfg.ecpmVideoUsd }[tier] ?? 0;
  }

  private runCost(kind: ToolKind): number {
    return {
      text: this.cfg.runCostTextUsd,
      image: this.cfg.runCostImageUsd,
      audio: this.cfg.runCostAudioUsd,
      video: this.cfg.runCostVideoUsd,
    }[kind];
  }
}
