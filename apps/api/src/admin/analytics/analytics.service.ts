import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { type AdTier, type AnalyticsReport, ProblemCode, type ToolKind } from '@megicai/contracts';
import { AnalyticsRollupService } from '../../analytics-events/analytics-rollup.service';
import { analyticsConfig } from '../../config/analytics.config';
import { ToolsService } from '../../tools/tools.service';
import { AnalyticsException } from './analytics.exception';
import { buildReport, daysCsv } from './analytics-report.builder';

const DAY_MS = 24 * 3600 * 1000;
export const MAX_ANALYTICS_DAYS = 92;
const utcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/**
 * Admin aggregates over a window of whole UTC days, read from the analytics rollups (plus the events the rollup job
 * has not folded yet), never from the business tables: one statement whatever the window.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    @Inject(analyticsConfig.KEY) private readonly cfg: ConfigType<typeof analyticsConfig>,
    private readonly rollups: AnalyticsRollupService,
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
    const [facts, tools] = await Promise.all([this.rollups.facts(start, end), this.tools.listAll()]);
    const info = new Map(tools.map((t) => [t.id, { name: t.name, kind: t.kind }]));
    return buildReport(start, end, facts, info, {
      ecpm: (tier) => this.ecpm(tier),
      runCost: (kind) => this.runCost(kind),
    });
  }

  /** The report's per-day series as CSV. */
  async csv(fromParam?: string, toParam?: string): Promise<string> {
    return daysCsv((await this.report(fromParam, toParam)).days);
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
