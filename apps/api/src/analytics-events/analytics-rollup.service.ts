import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { analyticsConfig } from '../config/analytics.config';
import { REPORT_SQL, ROLLUP_SQL } from './analytics-facts.sql';

/** One row of the report's facts: `day` null for totals over the whole window. Values are additive counters. */
export interface AnalyticsFact {
  day: string | null;
  metric: string;
  dim1: string;
  dim2: string;
  value: number;
}

type FactRow = Omit<AnalyticsFact, 'value'> & { value: string };

export interface RollupResult {
  /** Events folded into the rollups by this call. */
  rolled: number;
  /** Raw events deleted for being older than the retention. */
  deleted: number;
  /** false when another process held the rollup lock (it is doing the work). */
  ran: boolean;
}

/** Any constant: the advisory lock that lets one process at a time fold events. */
const ROLLUP_LOCK = 0x616e616c;
const BATCH = 100_000;
/** A backlog batch (after an outage) may take longer than the pool's statement_timeout; it is a background job. */
const ROLLUP_STATEMENT_TIMEOUT = '300s';
const DELETE_BATCH = 50_000;

/**
 * Keeps the daily rollups current and answers the report's facts. The rollup folds the events past its watermark
 * in batches, each in one transaction with the watermark's advance (so a crash rolls both back: idempotent), under a
 * try-lock (a second worker skips instead of waiting).
 */
@Injectable()
export class AnalyticsRollupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(analyticsConfig.KEY) private readonly cfg: ConfigType<typeof analyticsConfig>,
  ) {}

  /** Folds every settled event (older than `settleMs`), then applies the retention. */
  async rollup(settleMs = this.cfg.rollupSettleMs): Promise<RollupResult> {
    const result: RollupResult = { rolled: 0, deleted: 0, ran: true };
    for (;;) {
      const batch = await this.rollupBatch(settleMs);
      if (batch === null) return { ...result, ran: false };
      result.rolled += batch;
      if (batch === 0) break;
    }
    result.deleted = await this.applyRetention();
    return result;
  }

  /** Events folded, or null when the lock is held elsewhere. */
  private rollupBatch(settleMs: number): Promise<number | null> {
    return this.dataSource.transaction(async (m) => {
      const [{ locked }]: { locked: boolean }[] = await m.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [
        ROLLUP_LOCK,
      ]);
      if (!locked) return null;
      await m.query(`SET LOCAL statement_timeout = '${ROLLUP_STATEMENT_TIMEOUT}'`);
      const [range]: { from: string; upto: string | null; n: number }[] = await m.query(
        `SELECT s.last_event_id AS from, max(e.id) AS upto, count(e.id)::int AS n
           FROM analytics_rollup_state s
           LEFT JOIN LATERAL (
             SELECT id FROM analytics_events
              WHERE id > s.last_event_id AND at < clock_timestamp() - make_interval(secs => $1::double precision / 1000)
              ORDER BY id LIMIT $2
           ) e ON true
          WHERE s.id = 1 GROUP BY s.last_event_id`,
        [settleMs, BATCH],
      );
      if (!range.upto) return 0;
      await m.query(ROLLUP_SQL, [range.from, range.upto]);
      await m.query(`UPDATE analytics_rollup_state SET last_event_id = $1, rolled_at = now() WHERE id = 1`, [
        range.upto,
      ]);
      return range.n;
    });
  }

  /**
   * Deletes raw events past the retention that are already rolled up, and the DAU pairs of days no event can reach
   * any more, in batches (short transactions).
   */
  private async applyRetention(): Promise<number> {
    const days = this.cfg.eventsRetentionDays;
    let deleted = 0;
    for (;;) {
      const rows: { id: string }[] = await this.dataSource.query(
        `DELETE FROM analytics_events WHERE id IN (
           SELECT id FROM analytics_events
            WHERE id <= (SELECT last_event_id FROM analytics_rollup_state WHERE id = 1)
              AND at < now() - make_interval(days => $1)
            ORDER BY id LIMIT $2)
         RETURNING id`,
        [days, DELETE_BATCH],
      );
      const n = (Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : rows.length) as number;
      deleted += n;
      if (n < DELETE_BATCH) break;
    }
    await this.dataSource.query(
      `DELETE FROM analytics_daily_users WHERE day < (now() AT TIME ZONE 'UTC')::date - $1::int`,
      [days + 1],
    );
    return deleted;
  }

  /** The facts of the UTC days [start, end) (midnights): rollups plus the tail past the watermark. */
  async facts(start: Date, end: Date): Promise<AnalyticsFact[]> {
    // One snapshot for the watermark, the rollups and the tail: a rollup committing in between cannot count twice.
    const rows = await this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const [{ watermark }]: { watermark: string }[] = await m.query(
        `SELECT last_event_id AS watermark FROM analytics_rollup_state WHERE id = 1`,
      );
      const dates = [start, end].map((d) => d.toISOString());
      return m.query<FactRow[]>(REPORT_SQL, [...dates, ...dates.map((d) => d.slice(0, 10)), watermark]);
    });
    return rows.map((r) => ({ ...r, value: Number(r.value) }));
  }
}
