/**
 * The aggregation shared by the rollup job and the live tail: every event becomes additive facts
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

/** One aggregated branch per metric: a filter and a GROUP BY over `ev`. */
function branch(ev: string, metric: string, where: string, dim1: string, dim2: string, value: string): string {
  return `SELECT day, '${metric}'::varchar AS metric, coalesce(${dim1}, '')::varchar AS dim1,
                 coalesce(${dim2}, '')::varchar AS dim2, sum(${value})::bigint AS value
            FROM ${ev} WHERE ${where} GROUP BY 1, 3, 4`;
}

/** The facts of the events in relation `ev` (with EVENT_FIELDS), grouped: (day, metric, dim1, dim2, value). */
export function factsSql(ev: string): string {
  const tool = 'tool_id::text';
  const branches = [
    branch(ev, 'new_users', `type = 'signup'`, `''`, `''`, '1'),
    branch(ev, 'ad_started', `type = 'ad_started'`, 'kind', `''`, '1'),
    branch(ev, 'ad_completed', `type = 'ad_completed'`, 'kind', `''`, '1'),
    branch(ev, 'credits_earned', `type = 'credit' AND amount > 0`, 'kind', `''`, 'amount'),
    branch(ev, 'credits_spent', `type = 'credit' AND amount < 0`, 'kind', `''`, '-amount'),
    branch(ev, 'runs', `type = 'run_accepted'`, tool, `''`, '1'),
    branch(ev, 'template_runs', `type = 'run_accepted' AND ref_id IS NOT NULL`, tool, `''`, '1'),
    branch(ev, 'runs_failed', `type = 'run_failed'`, tool, `''`, '1'),
    branch(
      ev,
      'tool_spent',
      `type IN ('run_accepted', 'run_failed', 'run_canceled')`,
      tool,
      `''`,
      `CASE type WHEN 'run_accepted' THEN coalesce(amount, 0) ELSE -coalesce(amount, 0) END`,
    ),
    branch(
      ev,
      'provider_runs',
      `type IN ('run_succeeded', 'cache_hit', 'run_failed')`,
      `CASE WHEN type = 'run_failed' THEN 'none' ELSE provider END`,
      `''`,
      '1',
    ),
    branch(ev, 'provider_failed', `type = 'run_failed'`, `'none'`, `''`, '1'),
    branch(ev, 'paid_runs', `type = 'run_succeeded' AND provider <> ALL (${FREE})`, 'kind', `''`, '1'),
    branch(ev, 'cache_hits', `type = 'cache_hit'`, tool, 'provider', '1'),
    branch(ev, 'attempts', `type = 'attempt'`, 'provider', `width_bucket(latency_ms, ${BUCKETS})::text`, '1'),
    branch(ev, 'attempt_errors', `type = 'attempt' AND NOT ok`, 'provider', `''`, '1'),
  ];
  return branches.join('\n    UNION ALL ');
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

/** Metrics the per-day series shows, and those it keeps one dimension of (revenue by tier, provider cost by kind). */
const PER_DAY_METRICS = `'{dau,new_users,ad_started,ad_completed,credits_earned,credits_spent,runs,runs_failed,cache_hits,paid_runs}'::text[]`;
const PER_DAY_DIMENSION = `'{ad_completed,paid_runs}'::text[]`;

/**
 * The report's facts for the days [$3, $4) (the instants $1, $2): the rollups plus the facts of the events past the
 * watermark $5 (the tail the job has not folded yet). The watermark must be read in the same snapshot (a REPEATABLE
 * READ transaction); as a value, not a subquery, it lets the planner see how short the tail is. Answers window totals
 * (`day` null) per (metric, dim1, dim2), and per-day rows of the series' metrics per (day, metric, dim1) where dim1 is
 * kept only for the metrics that need it per day.
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
  )
  SELECT NULL AS day, metric, dim1, dim2, sum(value)::bigint AS value FROM facts GROUP BY metric, dim1, dim2
  UNION ALL
  SELECT to_char(day, 'YYYY-MM-DD'), metric, CASE WHEN metric = ANY (${PER_DAY_DIMENSION}) THEN dim1 ELSE '' END, '',
         sum(value)::bigint
    FROM facts WHERE metric = ANY (${PER_DAY_METRICS}) GROUP BY 1, 2, 3`;
