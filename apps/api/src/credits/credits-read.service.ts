import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type CreditsSummary, type LedgerEntryView, type LedgerKind, type Page, toCredits } from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { CreditsException } from './credits.exception';
import { type LedgerReport, verifyLedger } from './ledger-verify';

const UTC_DAY_START = `(date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`;

interface LedgerRow {
  id: string;
  delta: string;
  balance_after: string;
  kind: LedgerKind;
  reference_type: string | null;
  reference_id: string | null;
  created_at: Date;
  seq: string;
}

/** Read side of the ledger: summaries, pages and sums. Never moves credits. */
@Injectable()
export class CreditsReadService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async summary(userId: string): Promise<CreditsSummary> {
    // Refunds give back a spend: they lower today's spending rather than count as earnings. A refunded credit pack
    // takes back a purchase: it lowers today's earnings rather than count as spending.
    const [row]: { balance: string | null; earned: string; spent: string }[] = await this.dataSource.query(
      `SELECT (SELECT balance FROM credit_accounts WHERE user_id = $1) AS balance,
              coalesce(sum(delta) FILTER (WHERE (delta > 0 AND kind <> 'tool_refund') OR kind = 'purchase_refund'), 0)
                AS earned,
              coalesce(-sum(delta) FILTER (WHERE (delta < 0 AND kind <> 'purchase_refund') OR kind = 'tool_refund'), 0)
                AS spent
         FROM credit_ledger WHERE user_id = $1 AND created_at >= ${UTC_DAY_START}`,
      [userId],
    );
    return {
      balance: toCredits(row.balance ?? 0),
      earnedToday: toCredits(Math.max(0, Number(row.earned))),
      spentToday: toCredits(Math.max(0, Number(row.spent))),
    };
  }

  /** Newest first, keyed on the ledger's sequence: exact, indexed, and the order in which the balance changed. */
  async page(userId: string, limit: number, cursor?: string): Promise<Page<LedgerEntryView>> {
    const before = seqFromCursor(cursor);
    const rows: LedgerRow[] = await this.dataSource.query(
      `SELECT id, delta, balance_after, kind, reference_type, reference_id, created_at, seq FROM credit_ledger
        WHERE user_id = $1 ${before ? 'AND seq < $3' : ''}
        ORDER BY seq DESC LIMIT $2`,
      before ? [userId, limit + 1, before] : [userId, limit + 1],
    );
    const items = rows.slice(0, limit);
    return {
      items: items.map((r): LedgerEntryView => ({
        id: r.id,
        delta: toCredits(r.delta),
        balanceAfter: toCredits(r.balance_after),
        kind: r.kind,
        reference: r.reference_type && r.reference_id ? { type: r.reference_type, id: r.reference_id } : null,
        createdAt: r.created_at.toISOString(),
      })),
      nextCursor: rows.length > limit ? Buffer.from(items[items.length - 1].seq).toString('base64url') : null,
    };
  }

  /** Milli-credits a user received (or spent, negative) under one kind, all time. */
  async sumOfKind(userId: string, kind: LedgerKind): Promise<number> {
    const [row]: { total: string }[] = await this.dataSource.query(
      `SELECT coalesce(sum(delta), 0) AS total FROM credit_ledger WHERE user_id = $1 AND kind = $2`,
      [userId, kind],
    );
    return Number(row.total);
  }

  /** Milli-credits per kind between two instants, split into money in (`earned`) and out (`spent`), all users. */
  async totalsByKind(from: Date, to: Date): Promise<{ kind: LedgerKind; earned: number; spent: number }[]> {
    const rows: { kind: LedgerKind; earned: string; spent: string }[] = await this.dataSource.query(
      `SELECT kind, coalesce(sum(delta) FILTER (WHERE delta > 0), 0) AS earned,
              coalesce(-sum(delta) FILTER (WHERE delta < 0), 0) AS spent
         FROM credit_ledger WHERE created_at >= $1 AND created_at < $2 GROUP BY kind`,
      [from, to],
    );
    return rows.map((r) => ({ kind: r.kind, earned: Number(r.earned), spent: Number(r.spent) }));
  }

  /** Distinct users with a ledger entry per UTC day between two instants (admin DAU). */
  async activeUsersByDay(from: Date, to: Date): Promise<{ date: string; userId: string }[]> {
    return this.dataSource.query(
      `SELECT DISTINCT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, user_id AS "userId"
         FROM credit_ledger WHERE created_at >= $1 AND created_at < $2`,
      [from, to],
    );
  }

  verify(userIds?: string[]): Promise<LedgerReport> {
    return verifyLedger((sql, params) => this.dataSource.query(sql, params), userIds);
  }
}

function seqFromCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const seq = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9]{1,19}$/.test(seq)) {
    throw new CreditsException(ProblemCode.InvalidCursor, 'The cursor is not valid.', {
      errors: [{ field: 'cursor', message: 'invalid cursor' }],
    });
  }
  return seq;
}
