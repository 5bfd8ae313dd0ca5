/**
 * The SQL of capped spending, kept apart from CreditsService so that a later single-statement run acceptance can
 * splice it in. Every cap lives on a row the statement updates (the account row for the user's caps, the key's
 * `credit_key_spend` row for a key's cap), so the conditions are re-checked on the latest row version after a
 * concurrent hold commits: parallel runs queue on the row and cannot pass a cap together. Amounts in milli-credits.
 */
import { eventCte } from '../analytics-events/analytics-events.sql';

/** The analytics event of a ledger row (CTE `source`, user $1): written in the statement that writes the row. */
export function ledgerEventCte(source: string, kind: string, delta: string): string {
  return eventCte('ledger_event', 'credit', source, { user_id: '$1', kind, amount: delta });
}

/** The current UTC day and month, as dates; `now()` is the transaction's start, the same for every statement in it. */
export const TODAY = `(now() AT TIME ZONE 'UTC')::date`;
export const THIS_MONTH = `date_trunc('month', now() AT TIME ZONE 'UTC')::date`;

/** The running spend of the account row, read as zero once its day or month is over. */
export const SPENT_TODAY = `(CASE WHEN spent_day = ${TODAY} THEN spent_today ELSE 0 END)`;
export const SPENT_THIS_MONTH = `(CASE WHEN spent_month = ${THIS_MONTH} THEN spent_this_month ELSE 0 END)`;
const KEY_SPENT = `(CASE WHEN k.day = EXCLUDED.day THEN k.spent ELSE 0 END)`;

/**
 * One statement: the key's spend (when the run came with a key), then the account (balance and the user's caps), its
 * `tool_spend` ledger row and the hold. The account update waits on the key row (EXISTS over the key step), so locks
 * are always taken key first, account second; release() takes them in the same order.
 * Params: $1 user, $2 amount, $3 reference type, $4 reference id, $5 idempotency key, $6 note, $7 api key id, $8 key cap.
 * Always one row: `id` null when nothing moved; `key_spent` null when the key's cap refused (or there was no key).
 * A refusal can leave the key's step applied: the caller's transaction must roll back, which a thrown error does.
 */
export const CAPPED_HOLD_SQL = cappedHoldSql('');

/**
 * CAPPED_HOLD_SQL with more CTEs after the hold (`, job AS (… SELECT … FROM hold)`): they see the CTE `hold`, which has
 * a row only when the credits were taken, so a refused hold writes nothing of theirs either. `gate`, when given, is a
 * CTE named `gate` with one row and a boolean `open`: the account is touched only when it is true, and the answer's
 * `gate_open` says whether it was.
 */
export function cappedHoldSql(extra: string, gate?: string): string {
  return `
  WITH ${gate ? `${gate}, ` : ''}key_spend AS (
    INSERT INTO credit_key_spend AS k (api_key_id, user_id, day, spent)
    SELECT $7::uuid, $1::uuid, ${TODAY}, $2::bigint
     WHERE $7::uuid IS NOT NULL AND ($8::bigint IS NULL OR $2::bigint <= $8::bigint)
    ON CONFLICT (api_key_id) DO UPDATE SET spent = ${KEY_SPENT} + EXCLUDED.spent, day = EXCLUDED.day
     WHERE $8::bigint IS NULL OR ${KEY_SPENT} + EXCLUDED.spent <= $8::bigint
    RETURNING k.spent
  ), account AS (
    UPDATE credit_accounts
       SET balance = balance - $2::bigint, updated_at = now(),
           spent_today = ${SPENT_TODAY} + $2::bigint, spent_day = ${TODAY},
           spent_this_month = ${SPENT_THIS_MONTH} + $2::bigint, spent_month = ${THIS_MONTH}
     WHERE user_id = $1::uuid AND balance >= $2::bigint
       AND (daily_cap IS NULL OR ${SPENT_TODAY} + $2::bigint <= daily_cap)
       AND (monthly_cap IS NULL OR ${SPENT_THIS_MONTH} + $2::bigint <= monthly_cap)
       AND ($7::uuid IS NULL OR EXISTS (SELECT 1 FROM key_spend))${gate ? ' AND (SELECT open FROM gate)' : ''}
    RETURNING balance, low_balance_alert
  ), ledger AS (
    INSERT INTO credit_ledger (user_id, delta, balance_after, kind, reference_type, reference_id, idempotency_key, note)
    SELECT $1::uuid, -$2::bigint, balance, 'tool_spend', $3, $4, $5, $6 FROM account
    RETURNING id, balance_after, created_at
  ), ${ledgerEventCte('ledger', `'tool_spend'`, '-$2::bigint')}, hold AS (
    INSERT INTO credit_holds (user_id, amount, status, reference_type, reference_id, api_key_id)
    SELECT $1::uuid, $2::bigint, 'held', $3, $4, $7::uuid FROM account
    RETURNING id
  )${extra}
  SELECT l.id, l.balance_after, l.created_at, a.low_balance_alert, (SELECT spent FROM key_spend) AS key_spent,
         ${gate ? '(SELECT open FROM gate)' : 'true'} AS gate_open
    FROM (SELECT 1) one LEFT JOIN ledger l ON true LEFT JOIN account a ON true`;
}

/**
 * A free run's hold (moves nothing, passes every cap, records the key), with CTEs after it and a `gate` like
 * cappedHoldSql: no row when the gate is closed.
 */
export function freeHoldSql(extra: string, gate?: string): string {
  return `
  WITH ${gate ? `${gate}, ` : ''}hold AS (
    INSERT INTO credit_holds (user_id, amount, status, reference_type, reference_id, api_key_id)
    SELECT $1::uuid, 0, 'held', $2, $3, $4::uuid${gate ? ' WHERE (SELECT open FROM gate)' : ''}
    RETURNING id
  )${extra}
  SELECT id FROM hold`;
}

/**
 * Captures a hold in the statement that wins its transition: `before` is a CTE list with one named `job` that has a
 * row only when the transition won; the hold is captured only then. $1 reference type, $2 reference id.
 * One row: `won` (the transition's rows), the captured hold's `user_id` and `amount` (null when none was held).
 */
export function captureAfterSql(before: string, select: string): string {
  return `
  WITH ${before}, captured AS (
    UPDATE credit_holds SET status = 'captured', settled_at = now()
     WHERE reference_type = $1 AND reference_id = $2 AND status = 'held' AND EXISTS (SELECT 1 FROM job)
    RETURNING user_id, amount
  )
  SELECT (SELECT count(*) FROM job)::int AS won, c.user_id, c.amount${select}
    FROM (SELECT 1) one LEFT JOIN captured c ON true`;
}

/**
 * Releases a hold in the statement that wins its transition (`before` as for captureAfterSql): the credits back in
 * full (a `tool_refund` entry), and the spend given back to the day and month the hold was taken in (a refund of
 * yesterday's run does not lower today's spend) and to the key's day. Locks are taken key row first, account second,
 * the order a hold takes them: the account update waits on `key_refund` (its one-time filter runs that CTE first).
 * $1 reference type, $2 reference id. One row: `won`, the released hold's `user_id` and `amount`, the new `balance`.
 */
export function releaseAfterSql(before: string, select: string): string {
  return `
  WITH ${before}, released AS (
    UPDATE credit_holds SET status = 'released', settled_at = now()
     WHERE reference_type = $1 AND reference_id = $2 AND status = 'held' AND EXISTS (SELECT 1 FROM job)
    RETURNING user_id, amount, api_key_id, (created_at AT TIME ZONE 'UTC')::date AS day
  ), key_refund AS (
    UPDATE credit_key_spend k SET spent = greatest(0, k.spent - r.amount)
      FROM released r WHERE k.api_key_id = r.api_key_id AND k.day = r.day AND r.amount > 0
    RETURNING k.api_key_id
  ), refund_account AS (
    UPDATE credit_accounts a
       SET balance = a.balance + r.amount, updated_at = now(),
           spent_today = CASE WHEN a.spent_day = r.day THEN greatest(0, a.spent_today - r.amount) ELSE a.spent_today END,
           spent_this_month = CASE WHEN a.spent_month = date_trunc('month', r.day)::date
                                   THEN greatest(0, a.spent_this_month - r.amount) ELSE a.spent_this_month END
      FROM released r
     WHERE a.user_id = r.user_id AND r.amount > 0 AND (SELECT count(*) FROM key_refund) >= 0
    RETURNING a.user_id, a.balance, r.amount
  ), refund_ledger AS (
    INSERT INTO credit_ledger (user_id, delta, balance_after, kind, reference_type, reference_id)
    SELECT user_id, amount, balance, 'tool_refund', $1, $2 FROM refund_account
    RETURNING user_id, delta
  ), ${eventCte('refund_event', 'credit', 'refund_ledger', { user_id: 'user_id', kind: `'tool_refund'`, amount: 'delta' })}
  SELECT (SELECT count(*) FROM job)::int AS won, r.user_id, r.amount, a.balance${select}
    FROM (SELECT 1) one LEFT JOIN released r ON true LEFT JOIN refund_account a ON true`;
}

/**
 * A grant as CTEs of a bigger statement, made only when the CTE `gate` has a row (a creator's earning in the
 * statement that settles the run): the account (opened when missing), its ledger row and its analytics event.
 */
export function grantAfterSql(
  p: (value: unknown) => string,
  grant: { userId: string; amount: number; kind: string; reference: { type: string; id: string } },
  gate: string,
): string {
  const user = `${p(grant.userId)}::uuid`;
  const amount = `${p(grant.amount)}::bigint`;
  return `granted_account AS (
    INSERT INTO credit_accounts AS a (user_id, balance) SELECT ${user}, ${amount} WHERE EXISTS (SELECT 1 FROM ${gate})
    ON CONFLICT (user_id) DO UPDATE SET balance = a.balance + EXCLUDED.balance, updated_at = now()
    RETURNING balance
  ), granted_ledger AS (
    INSERT INTO credit_ledger (user_id, delta, balance_after, kind, reference_type, reference_id)
    SELECT ${user}, ${amount}, balance, ${p(grant.kind)}, ${p(grant.reference.type)}, ${p(grant.reference.id)}
      FROM granted_account
    RETURNING user_id, delta, kind
  ), ${eventCte('granted_event', 'credit', 'granted_ledger', { user_id: 'user_id', kind: 'kind', amount: 'delta' })}`;
}

/** Where the caller stands after a refusal: balance, the user's caps and spend, the key's spend. $1 user, $2 key. */
export const SPEND_STATE_SQL = `
  SELECT balance, daily_cap, monthly_cap, low_balance_alert,
         ${SPENT_TODAY} AS spent_today, ${SPENT_THIS_MONTH} AS spent_this_month,
         (SELECT CASE WHEN day = ${TODAY} THEN spent ELSE 0 END FROM credit_key_spend WHERE api_key_id = $2::uuid)
           AS key_spent
    FROM credit_accounts WHERE user_id = $1::uuid`;

/** The next UTC midnight, and the first instant of the next UTC month: when the daily and monthly caps reset. */
export function nextUtcDay(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

export function nextUtcMonth(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}
