import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { LedgerKind } from '@megicai/contracts';
import { DuplicateMovementError, InsufficientCreditsError } from './credits.errors';

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  grant(movement: Movement, manager?: EntityManager): Promise<MovementResult> {
    return this.inTransaction(manager, (m) => this.move(m, movement, +1));
  }

  /** Takes credits or throws InsufficientCreditsError; the balance never goes below zero. */
  spend(movement: Movement, manager?: EntityManager): Promise<MovementResult> {
    return this.inTransaction(manager, (m) => this.move(m, movement, -1));
  }

  /** Takes the cost of a job when it is accepted (a `tool_spend` entry) and remembers it until the job settles. */
  hold(
    movement: Omit<Movement, 'kind' | 'reference'> & { reference: Reference },
    manager?: EntityManager,
  ): Promise<MovementResult | null> {
    return this.inTransaction(manager, async (m) => {
      const result = movement.amount > 0 ? await this.move(m, { ...movement, kind: 'tool_spend' }, -1) : null;
      await m.query(
        `INSERT INTO credit_holds (user_id, amount, status, reference_type, reference_id) VALUES ($1, $2, 'held', $3, $4)`,
        [movement.userId, movement.amount, movement.reference.type, movement.reference.id],
      );
      return result;
    });
  }

  /** The job succeeded: the held credits stay spent. Settles at most once, whoever calls it and how often. */
  capture(reference: Reference, manager?: EntityManager): Promise<Settlement> {
    return this.inTransaction(manager, async (m) => {
      const row = await this.settle(m, reference, 'captured');
      return row ? { settled: true, userId: row.userId, amount: row.amount } : { settled: false };
    });
  }

  /** The job failed or was canceled: the held credits go back in full (a `tool_refund` entry), at most once. */
  release(reference: Reference, manager?: EntityManager): Promise<Settlement> {
    return this.inTransaction(manager, async (m) => {
      const row = await this.settle(m, reference, 'released');
      if (!row) return { settled: false };
      if (row.amount === 0) return { settled: true, userId: row.userId, amount: 0 };
      const refund = await this.move(m, { userId: row.userId, amount: row.amount, kind: 'tool_refund', reference }, +1);
      return { settled: true, userId: row.userId, amount: row.amount, balance: refund.balance };
    });
  }

  private async settle(m: EntityManager, reference: Reference, to: 'captured' | 'released') {
    const rows: { user_id: string; amount: string }[] = await m.query(
      `UPDATE credit_holds SET status = $3, settled_at = now()
        WHERE reference_type = $1 AND reference_id = $2 AND status = 'held'
        RETURNING user_id, amount`,
      [reference.type, reference.id, to],
    );
    // TypeORM returns [rows, count] for UPDATE … RETURNING on postgres.
    const list = (Array.isArray(rows[0]) ? rows[0] : rows) as { user_id: string; amount: string }[];
    return list.length ? { userId: list[0].user_id, amount: Number(list[0].amount) } : null;
  }

  private async move(m: EntityManager, movement: Movement, sign: 1 | -1): Promise<MovementResult> {
    if (!Number.isSafeInteger(movement.amount) || movement.amount <= 0) {
      throw new RangeError(`amount must be a positive integer of milli-credits, got ${movement.amount}`);
    }
    const delta = sign * movement.amount;
    // One statement: the conditional update and its ledger row, so there is no read-then-write window.
    const sql = `
      WITH account AS (
        UPDATE credit_accounts SET balance = balance + $2, updated_at = now()
         WHERE user_id = $1 AND balance + $2 >= 0
        RETURNING balance
      )
      INSERT INTO credit_ledger (user_id, delta, balance_after, kind, reference_type, reference_id, idempotency_key, note)
      SELECT $1, $2, balance, $3, $4, $5, $6, $7 FROM account
      RETURNING id, balance_after, created_at`;
    const params = [
      movement.userId,
      delta,
      movement.kind,
      movement.reference?.type ?? null,
      movement.reference?.id ?? null,
      movement.idempotencyKey ?? null,
      movement.note ?? null,
    ];
    let rows: { id: string; balance_after: string; created_at: Date }[];
    try {
      rows = await m.query(sql, params);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new DuplicateMovementError(movement.kind, movement.reference?.type, movement.reference?.id);
      }
      throw error;
    }
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

  private inTransaction<T>(manager: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return manager ? work(manager) : this.dataSource.transaction(work);
  }
}
