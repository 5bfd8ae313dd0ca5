import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { LedgerKind } from '@megicai/contracts';
import { CreditsEvents } from './credits-events';
import { DuplicateMovementError, HoldGateClosedError, InsufficientCreditsError } from './credits.errors';
import { spendRefusal, type SpendStateRow } from './spend-refusal';
import { preparedStatement } from '../common/sql/prepared-query';
import { SqlFragment, SqlParams } from '../common/sql/sql-fragment';
import {
  CAPPED_HOLD_SQL,
  SPEND_STATE_SQL,
  captureAfterSql,
  cappedHoldSql,
  freeHoldSql,
  grantAfterSql,
  releaseAfterSql,
  ledgerEventCte,
} from './spend-caps.sql';

export interface Reference {
  type: string;
  id: string;
}

export interface Movement {
  userId: string;
  /** Milli-credits, positive: the direction comes from the method (grant adds, spend takes). */
  amount: number;
  kind: LedgerKind;
  reference?: Reference;
  idempotencyKey?: string;
  note?: string;
}

export interface MovementResult {
  entryId: string;
  balance: number;
  createdAt: Date;
}

/** The API key a run was made with: its own daily cap (milli-credits, null = none) applies besides the user's caps. */
export interface HoldOptions {
  apiKey?: { id: string; dailyCap: number | null };
  /**
   * A CTE named `gate` (one row, a boolean `open`) evaluated in the hold's statement before the account is touched:
   * when false nothing moves and HoldGateClosedError is thrown (a per-user limit checked in the same round trip).
   */
  gate?: SqlFragment;
}

export interface Settlement {
  /** false when the hold was already settled (or never existed): nothing moved this time. */
  settled: boolean;
  userId?: string;
  amount?: number;
  balance?: number;
}

const UNIQUE_VIOLATION = '23505';

/**
 * The only code that moves credits. Every change is one conditional UPDATE of the account and its ledger row in a
 * single statement, inside the caller's transaction when one is given, so a job row and its charge commit together.
 * Amounts are integer milli-credits.
 */
@Injectable()
export class CreditsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: CreditsEvents,
  ) {}

  /** Opens the account of a new user (balance 0); safe to call twice. */
  async openAccount(userId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO credit_accounts (user_id, balance) VALUES ($1, 0) ON CONFLICT (user_id) DO NOTHING`,
      [userId],
    );
  }

  async balanceOf(userId: string, manager?: EntityManager): Promise<number> {
    const rows: { balance: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT balance FROM credit_accounts WHERE user_id = $1`,
      [userId],
    );
    return rows.length ? Number(rows[0].balance) : 0;
  }

  /** Whether the user's ledger holds at least one entry of this kind (seen from the caller's transaction). */
  async hasEntry(userId: string, kind: LedgerKind, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.dataSource.manager).query(
      `SELECT 1 FROM credit_ledger WHERE user_id = $1 AND kind = $2 LIMIT 1`,
      [userId, kind],
    );
    return rows.length > 0;
  }

  /**
   * Adds credits. Without a manager the movement is one prepared statement in its own transaction (one round trip,
   * as atomic as any: the conditional update, its ledger row and its event commit together or not at all).
   */
  grant(movement: Movement, manager?: EntityManager): Promise<MovementResult> {
    return this.move(manager, movement, +1);
  }

  /** Takes credits or throws InsufficientCreditsError; the balance never goes below zero. One statement, as `grant`. */
  spend(movement: Movement, manager?: EntityManager): Promise<MovementResult> {
    return this.move(manager, movement, -1);
  }

  /**
   * Takes back up to `amount` of a grant (a refunded purchase): whatever the balance still holds of it, never below
   * zero. The account row is locked first, so what is taken is exactly what the balance had at that moment.
   * Answers null when the balance is empty (nothing moved, no entry).
   */
  takeBackUpTo(movement: Movement, manager?: EntityManager): Promise<(MovementResult & { taken: number }) | null> {
    return this.inTransaction(manager, async (m) => {
      const rows: { balance: string }[] = await m.query(
        `SELECT balance FROM credit_accounts WHERE user_id = $1 FOR UPDATE`,
        [movement.userId],
      );
      const take = Math.min(movement.amount, rows.length ? Number(rows[0].balance) : 0);
      if (take <= 0) return null;
      return { ...(await this.move(m, { ...movement, amount: take }, -1)), taken: take };
    });
  }

  /**
   * Takes the cost of a job when it is accepted (a `tool_spend` entry) and remembers it until the job settles. The
   * user's daily and monthly caps, and the key's daily cap when the run came with a key, are checked in the same
   * statement as the balance: throws SpendCapError or InsufficientCreditsError, after which the caller's transaction
   * must roll back (it does when the error propagates out of `dataSource.transaction`).
   */
  hold(
    movement: Omit<Movement, 'kind' | 'reference'> & { reference: Reference },
    manager?: EntityManager,
    options: HoldOptions = {},
  ): Promise<MovementResult | null> {
    return this.inTransaction(manager, (m) => this.holdIn(m, movement, options.apiKey ?? null));
  }

  /**
   * `hold` and the caller's rows in ONE statement (a run's job row and outbox row): `after` is a CTE list that selects
   * from the CTE `hold`, which has a row only when the credits were taken. Without a manager and without a key this
   * is a single round trip (the statement's own transaction: a refusal writes nothing). A key's spend step can stay
   * applied when the account refuses, so with a key it runs in a transaction that the thrown refusal rolls back.
   */
  holdWith(
    movement: Omit<Movement, 'kind' | 'reference'> & { reference: Reference },
    after: SqlFragment,
    manager?: EntityManager,
    options: HoldOptions = {},
  ): Promise<MovementResult | null> {
    const apiKey = options.apiKey ?? null;
    const { gate } = options;
    if (manager || apiKey) return this.inTransaction(manager, (m) => this.holdIn(m, movement, apiKey, after, gate));
    return this.holdIn(undefined, movement, null, after, gate);
  }

  /** A prepared statement in the caller's transaction (`m`), or alone (its own transaction). */
  private statement<T>(m: EntityManager | undefined, text: string, values: unknown[]): Promise<T[]> {
    return preparedStatement<T>(m ?? this.dataSource, text, values);
  }

  private async holdIn(
    m: EntityManager | undefined,
    movement: Omit<Movement, 'kind' | 'reference'> & { reference: Reference },
    apiKey: { id: string; dailyCap: number | null } | null,
    after?: SqlFragment,
    gate?: SqlFragment,
  ): Promise<MovementResult | null> {
    if (movement.amount === 0) {
      // Free runs move nothing and pass every cap; the hold still records the run's key.
      const sql = new SqlParams([movement.userId, movement.reference.type, movement.reference.id, apiKey?.id ?? null]);
      const extra = after ? `, ${after(sql.param)}` : '';
      const held = await this.statement(m, freeHoldSql(extra, gate?.(sql.param)), sql.values);
      if (held.length === 0) throw new HoldGateClosedError();
      return null;
    }
    assertAmount(movement.amount);
    const sql = new SqlParams([
      movement.userId,
      movement.amount,
      movement.reference.type,
      movement.reference.id,
      movement.idempotencyKey ?? null,
      movement.note ?? null,
      apiKey?.id ?? null,
      apiKey?.dailyCap ?? null,
    ]);
    const statement =
      after || gate ? cappedHoldSql(after ? `, ${after(sql.param)}` : '', gate?.(sql.param)) : CAPPED_HOLD_SQL;
    const [row] = await this.withDuplicateCheck('tool_spend', movement.reference, () =>
      this.statement<HoldRow>(m, statement, sql.values),
    );
    if (!row.id && !row.gate_open) throw new HoldGateClosedError();
    if (!row.id) {
      const [state] = await this.statement<SpendStateRow>(m, SPEND_STATE_SQL, [movement.userId, apiKey?.id ?? null]);
      throw spendRefusal(movement.amount, state, apiKey, row.key_spent);
    }
    const balance = Number(row.balance_after);
    const threshold = row.low_balance_alert === null ? null : Number(row.low_balance_alert);
    if (threshold !== null && balance < threshold && balance + movement.amount >= threshold) {
      this.events.emitLowBalance({ userId: movement.userId, balance, threshold });
    }
    return { entryId: row.id, balance, createdAt: row.created_at as Date };
  }

  /** The job succeeded: the held credits stay spent. Settles at most once, whoever calls it and how often. */
  async capture(reference: Reference, manager?: EntityManager): Promise<Settlement> {
    const row = await this.captureWith(reference, ALWAYS, '', manager);
    return row.user_id ? { settled: true, userId: row.user_id, amount: Number(row.amount) } : { settled: false };
  }

  /**
   * A transition and its capture in ONE statement: `before` is a CTE list with a CTE named `job` that has a row only
   * when the caller's transition won; the hold is captured only then, at most once. `select` adds columns (`, …`) to
   * the answer. Answers whether the transition won, and the statement's row for the caller's extra columns.
   */
  async captureWith<T extends object>(
    reference: Reference,
    before: SqlFragment,
    select = '',
    manager?: EntityManager,
  ): Promise<{ won: boolean } & SettledRow & T> {
    const sql = new SqlParams([reference.type, reference.id]);
    const statement = captureAfterSql(before(sql.param), select);
    const [row] = await this.statement<{ won: number } & SettledRow & T>(manager, statement, sql.values);
    return { ...row, won: row.won > 0 };
  }

  /**
   * The job failed or was canceled: the held credits go back in full (a `tool_refund` entry), at most once, and so
   * does the spend counted against the caps of the day (and key) the hold was taken on.
   */
  async release(reference: Reference, manager?: EntityManager): Promise<Settlement> {
    const row = await this.releaseWith(reference, ALWAYS, '', manager);
    if (!row.user_id) return { settled: false };
    const amount = Number(row.amount);
    return { settled: true, userId: row.user_id, amount, ...(amount > 0 ? { balance: Number(row.balance) } : {}) };
  }

  /**
   * A transition and its release in ONE statement, as `captureWith`: the hold is released (refunded) only when the
   * CTE `job` of `before` has a row. The answer's `balance` is the owner's after the refund (null for a free run).
   */
  async releaseWith<T extends object>(
    reference: Reference,
    before: SqlFragment,
    select = '',
    manager?: EntityManager,
  ): Promise<{ won: boolean } & SettledRow & { balance: string | null } & T> {
    const sql = new SqlParams([reference.type, reference.id]);
    const statement = releaseAfterSql(before(sql.param), select);
    const [row] = await this.withDuplicateCheck('tool_refund', reference, () =>
      this.statement<{ won: number } & SettledRow & { balance: string | null } & T>(manager, statement, sql.values),
    );
    return { ...row, won: row.won > 0 };
  }

  /**
   * A grant as CTEs of the caller's statement (a creator's earning in the statement that settles the run), made only
   * when the CTE `gate` has a row; exactly once per (user, kind, reference) like every ledger row.
   */
  grantAfter(movement: Movement & { reference: Reference }, gate: string): SqlFragment {
    assertAmount(movement.amount);
    return (p) => grantAfterSql(p, movement, gate);
  }

  private async move(m: EntityManager | undefined, movement: Movement, sign: 1 | -1): Promise<MovementResult> {
    assertAmount(movement.amount);
    const delta = sign * movement.amount;
    // One statement: the conditional update, its ledger row and its analytics event: no read-then-write window.
    const sql = `
      WITH account AS (
        UPDATE credit_accounts SET balance = balance + $2, updated_at = now()
         WHERE user_id = $1 AND balance + $2 >= 0
        RETURNING balance
      ), ledger AS (
        INSERT INTO credit_ledger (user_id, delta, balance_after, kind, reference_type, reference_id, idempotency_key, note)
        SELECT $1, $2, balance, $3, $4, $5, $6, $7 FROM account
        RETURNING id, balance_after, created_at
      ), ${ledgerEventCte('ledger', '$3', '$2')}
      SELECT id, balance_after, created_at FROM ledger`;
    const params = [
      movement.userId,
      delta,
      movement.kind,
      movement.reference?.type ?? null,
      movement.reference?.id ?? null,
      movement.idempotencyKey ?? null,
      movement.note ?? null,
    ];
    const rows = await this.withDuplicateCheck(movement.kind, movement.reference, () =>
      this.statement<{ id: string; balance_after: string; created_at: Date }>(m, sql, params),
    );
    if (rows.length === 0) {
      if (sign > 0) {
        // No account yet (a user created before accounts existed): open it and retry once.
        await this.openAccount(movement.userId, m);
        return this.move(m, movement, sign);
      }
      throw new InsufficientCreditsError(movement.amount, await this.balanceOf(movement.userId, m));
    }
    return { entryId: rows[0].id, balance: Number(rows[0].balance_after), createdAt: rows[0].created_at };
  }

  /** A unique violation means the movement was recorded before (a retry): DuplicateMovementError. */
  private async withDuplicateCheck<T>(kind: string, reference: Reference | undefined, work: () => Promise<T>) {
    try {
      return await work();
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new DuplicateMovementError(kind, reference?.type, reference?.id);
      }
      throw error;
    }
  }

  private inTransaction<T>(manager: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return manager ? work(manager) : this.dataSource.transaction(work);
  }
}

interface HoldRow {
  id: string | null;
  balance_after: string | null;
  created_at: Date | null;
  low_balance_alert: string | null;
  key_spent: string | null;
  gate_open: boolean;
}

/** The settled hold of a capture or release statement: nulls when there was none left to settle. */
interface SettledRow {
  user_id: string | null;
  amount: string | null;
}

/** A settlement without a transition of the caller's: the hold alone decides. */
const ALWAYS: SqlFragment = () => 'job AS (SELECT 1)';

function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new RangeError(`amount must be a positive integer of milli-credits, got ${amount}`);
  }
}
