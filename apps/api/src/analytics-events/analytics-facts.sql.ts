/**
 * The aggregation shared by the rollup job and the live tail: every event becomes up to four additive facts
 * (day, metric, dim1, dim2, value), summed. The rollup adds them to `analytics_daily`; the report adds the facts of
 * the events past the watermark to what is rolled up, so both always agree.
 *
 * Metrics (dimensions): new_users; ad_started, ad_completed (tier); credits_earned, credits_spent (ledger kind, in
 * milli-credits); runs, runs_failed, template_runs, tool_spent (tool id; milli-credits net of refunds);
 * provider_runs (final provider, `none` for failed runs), provider_failed (`none`); paid_runs (tool kind: answered
 * by a provider that costs money); cache_hits (tool id, provider); attempts (provider, latency bucket), attempt_errors
 * (provider); dau.
 */

/** Upper bounds (ms) of the latency histogram buckets; bucket i holds [bound[i-1], bound[i]), the last is open. */
export const LATENCY_BUCKETS_MS = [
  10, 25, 50, 75, 100, 150, 200, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 4000, 5000, 7500, 10000, 15000, 20000,
  30000, 45000, 60000, 90000, 120000, 180000, 300000,
] as const;

/** Providers whose calls cost nothing (the offline demo): not counted in the provider cost. */
export const FREE_PROVIDERS = ['offline'] as const;

const BUCKETS = `'{${LATENCY_BUCKETS_MS.join(',')}}'::int[]`;
const FREE = `'{${FREE_PROVIDERS.join(',')}}'::text[]`;

/** Columns the facts read: `day` (UTC date) and the event's own columns. */
export const EVENT_FIELDS = `(at AT TIME ZONE 'UTC')::date AS day, type, user_id, tool_id, provider, kind, amount, latency_ms, ok, ref_id`;

/** The facts of the events in relation `ev` (with EVENT_FIELDS), grouped: (day, metric, dim1, dim2, value). */
export function factsSql(ev: string): string {
  return `
  SELECT e.day, f.metric, coalesce(f.dim1, '') AS dim1, coalesce(f.dim2, '') AS dim2, sum(f.value)::bigint AS value
    FROM ${ev} e CROSS JOIN LATERAL (VALUES
      (CASE e.type
         WHEN 'signup' THEN 'new_users' WHEN 'ad_started' THEN 'ad_started' WHEN 'ad_completed' THEN 'ad_completed'
         WHEN 'credit' THEN CASE WHEN e.amount > 0 THEN 'credits_earned' WHEN e.amount < 0 THEN 'credits_spent' END
         WHEN 'run_accepted' THEN 'runs' WHEN 'run_failed' THEN 'runs_failed' WHEN 'run_canceled' THEN 'tool_spent'
         WHEN 'run_succeeded' THEN 'provider_runs' WHEN 'cache_hit' THEN 'cache_hits' WHEN 'attempt' THEN 'attempts'
       END,
       CASE WHEN e.type IN ('ad_started', 'ad_completed', 'credit') THEN e.kind
            WHEN e.type IN ('run_succeeded', 'attempt') THEN e.provider
            WHEN e.type IN ('run_accepted', 'run_failed', 'run_canceled', 'cache_hit') THEN e.tool_id::text END,
       CASE e.type WHEN 'cache_hit' THEN e.provider
                   WHEN 'attempt' THEN width_bucket(e.latency_ms, ${BUCKETS})::text END,
       CASE e.type WHEN 'credit' THEN abs(e.amount) WHEN 'run_canceled' THEN -coalesce(e.amount, 0) ELSE 1 END),
      (CASE e.type
         WHEN 'run_accepted' THEN 'tool_spent' WHEN 'run_failed' THEN 'tool_spent' WHEN 'cache_hit' THEN 'provider_runs'
         WHEN 'run_succeeded' THEN CASE WHEN e.provider <> ALL (${FREE}) THEN 'paid_runs' END
         WHEN 'attempt' THEN CASE WHEN NOT e.ok THEN 'attempt_errors' END
       END,
       CASE WHEN e.type IN ('run_accepted', 'run_failed') THEN e.tool_id::text
            WHEN e.type = 'run_succeeded' THEN e.kind ELSE e.provider END,
       NULL,
       CASE e.type WHEN 'run_accepted' THEN coalesce(e.amount, 0) WHEN 'run_failed' THEN -coalesce(e.amount, 0)
                   ELSE 1 END),
      (CASE WHEN e.type = 'run_accepted' AND e.ref_id IS NOT NULL THEN 'template_runs'
            WHEN e.type = 'run_failed' THEN 'provider_runs' END,
       CASE WHEN e.type = 'run_accepted' THEN e.tool_id::text ELSE 'none' END, NULL, 1),
      (CASE WHEN e.type = 'run_failed' THEN 'provider_failed' END, 'none', NULL, 1)
    ) AS f(metric, dim1, dim2, value)
   WHERE f.metric IS NOT NULL
   GROUP BY 1, 2, 3, 4`;
}

/**
 * Folds the events in ($1, $2] into the rollups: the facts are added to `analytics_daily`, and each (day, user) pair
 * seen for the first time adds one to that day's `dau`. One statement; the caller advances the watermark in the same
 * transaction.
 */
export const ROLLUP_SQL = `
  WITH ev AS MATERIALIZED (
    SELECT ${EVENT_FIELDS} FROM analytics_events WHERE id > $1::bigint AND id <= $2::bigint
  ), first_seen AS (
    INSERT INTO analytics_daily_users (day, user_id)
    SELECT DISTINCT day, user_id FROM ev WHERE user_id IS NOT NULL
    ON CONFLICT DO NOTHING RETURNING day
  ), facts AS (
    ${factsSql('ev')}
    UNION ALL SELECT day, 'dau', '', '', count(*) FROM first_seen GROUP BY day
  )
  INSERT INTO analytics_daily AS d (day, metric, dim1, dim2, value)
  SELECT day, metric, dim1, dim2, value FROM facts
  ON CONFLICT (day, metric, dim1, dim2) DO UPDATE SET value = d.value + EXCLUDED.value`;

/** Metrics the per-day series keeps one dimension of (revenue by tier, provider cost by kind); others are summed. */
const PER_DAY_DIMENSION = `'{ad_completed,paid_runs}'::text[]`;

/**
 * The report's facts for the days [$3, $4) (the instants $1, $2): the rollups plus the facts of the events past the
 * watermark $5 (the tail the job has not folded yet). The watermark must be read in the same snapshot (a REPEATABLE
 * READ transaction); as a value, not a subquery, it lets the planner see how short the tail is. Answers
 * window totals (`day` null) per (metric, dim1, dim2), and per-day rows per (day, metric, dim1) where dim1 is kept
 * only for the metrics that need it per day.
 */
export const REPORT_SQL = `
  WITH ev AS MATERIALIZED (
    SELECT ${EVENT_FIELDS} FROM analytics_events
     WHERE id > $5::bigint AND at >= $1::timestamptz AND at < $2::timestamptz
  ), facts AS (
    ${factsSql('ev')}
    UNION ALL
    SELECT day, 'dau', '', '', count(DISTINCT user_id) FROM ev
     WHERE user_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM analytics_daily_users u WHERE u.day = ev.day AND u.user_id = ev.user_id)
     GROUP BY day
    UNION ALL
    SELECT day, metric, dim1, dim2, value FROM analytics_daily WHERE day >= $3::date AND day < $4::date
  ), keyed AS (
    SELECT day, metric, dim1, dim2, value,
           CASE WHEN metric = ANY (${PER_DAY_DIMENSION}) THEN dim1 ELSE '' END AS day_dim
      FROM facts
  )
  SELECT CASE WHEN GROUPING(day) = 0 THEN to_char(day, 'YYYY-MM-DD') END AS day, metric,
         CASE WHEN GROUPING(day) = 0 THEN day_dim ELSE dim1 END AS dim1,
         CASE WHEN GROUPING(day) = 0 THEN '' ELSE dim2 END AS dim2, sum(value)::bigint AS value
    FROM keyed
   GROUP BY GROUPING SETS ((metric, dim1, dim2), (day, metric, day_dim))`;
