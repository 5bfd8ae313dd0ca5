/**
 * How writers record analytics events: as one more CTE of the statement that does the thing (no extra round trip),
 * or with AnalyticsEventsService.record inside the writer's transaction. Events are plain INSERTs into an
 * append-only table; no writer ever updates a shared counter row (the rollup job aggregates them later).
 */
export const ANALYTICS_EVENT_TYPES = [
  'signup',
  'login',
  'ad_started',
  'ad_completed',
  /** A ledger entry: `kind` = ledger kind, `amount` = its signed delta (milli-credits). */
  'credit',
  /** `amount` = the cost held, `kind` = tool kind, `ref_id` = the template when the run used one. */
  'run_accepted',
  /** `provider` = who answered, `latency_ms` = the answering call. */
  'run_succeeded',
  /** `amount` = what was refunded. */
  'run_failed',
  'run_canceled',
  'cache_hit',
  /** One per provider call of a run, fallbacks included: `ok`, `latency_ms`. */
  'attempt',
] as const;
export type AnalyticsEventType = (typeof ANALYTICS_EVENT_TYPES)[number];

const COLUMNS = ['user_id', 'tool_id', 'provider', 'kind', 'amount', 'latency_ms', 'ok', 'ref_id'] as const;
type Column = (typeof COLUMNS)[number];
const CASTS: Record<Column, string> = {
  user_id: 'uuid',
  tool_id: 'uuid',
  provider: 'varchar',
  kind: 'varchar',
  amount: 'bigint',
  latency_ms: 'int',
  ok: 'boolean',
  ref_id: 'uuid',
};

/** SQL expressions for an event's columns (columns of the source CTE, or placeholders); absent ones are NULL. */
export type EventColumns = Partial<Record<Column, string>>;

/**
 * `name AS (INSERT INTO analytics_events … SELECT … FROM source)`: one event per row of `source` (a CTE of the same
 * statement that has a row only when the recorded thing happened), so the event commits or rolls back with it.
 */
export function eventCte(name: string, type: AnalyticsEventType, source: string, columns: EventColumns): string {
  const used = COLUMNS.filter((c) => columns[c] !== undefined);
  const values = used.map((c) => `(${columns[c]})::${CASTS[c]}`);
  return `${name} AS (
    INSERT INTO analytics_events (type${used.map((c) => `, ${c}`).join('')})
    SELECT '${type}'${values.map((v) => `, ${v}`).join('')} FROM ${source})`;
}

/** A provider call of a run, as the run path knows it (`latencyMs` absent when it was not measured). */
export interface AttemptRecord {
  provider: string;
  ok: boolean;
  latencyMs?: number;
}

/**
 * `name AS (…)`: one `attempt` event per element of `attemptsParam` (a jsonb placeholder of AttemptRecord[]) for
 * each row of `source`, which must have `user_id`, `tool_id` and `kind` columns (a job row).
 */
export function attemptEventsCte(name: string, source: string, attemptsParam: string): string {
  return `${name} AS (
    INSERT INTO analytics_events (type, user_id, tool_id, kind, provider, ok, latency_ms)
    SELECT 'attempt', s.user_id, s.tool_id, s.kind, a."provider", a."ok", a."latencyMs"
      FROM ${source} s CROSS JOIN jsonb_to_recordset(${attemptsParam}::jsonb) AS a("provider" text, "ok" boolean, "latencyMs" int))`;
}

/** An event written by AnalyticsEventsService.record (values, not SQL). */
export interface AnalyticsEvent {
  type: AnalyticsEventType;
  userId?: string | null;
  toolId?: string | null;
  provider?: string | null;
  kind?: string | null;
  amount?: number | null;
  latencyMs?: number | null;
  ok?: boolean | null;
  refId?: string | null;
}
