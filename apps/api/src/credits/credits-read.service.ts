import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type CreditsSummary, type LedgerEntryView, type LedgerKind, type Page, toCredits } from '@megicai/contracts';
import { decodeCursor, toPage } from '../common/pagination/cursor';
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
}

/** Read side of the ledger: summaries, pages and sums. Never moves credits. */
@Injectable()
export class CreditsReadService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async summary(userId: string): Promise<CreditsSummary> {
    // Refunds give back a spend: they lower today's spending rather than count as earnings.
    const [row]: { balance: string | null; earned: string; spent: string }[] = await this.dataSource.query(
      `SELECT (SELECT balance FROM credit_accounts WHERE user_id = $1) AS balance,
              coalesce(sum(delta) FILTER (WHERE delta > 0 AND kind <> 'tool_refund'), 0) AS earned,
              coalesce(-sum(delta) FILTER (WHERE delta < 0 OR kind = 'tool_refund'), 0) AS spent
         FROM credit_ledger WHERE user_id = $1 AND created_at >= ${UTC_DAY_START}`,
      [userId],
    );
    return {
      balance: toCredits(row.balance ?? 0),
      earnedToday: toCredits(row.earned),
      spentToday: toCredits(Math.max(0, Number(row.spent))),
    };
  }

  /** Newest first. The keyset compares at millisecond precision, as the cursor carries a JS Date. */
  async page(userId: string, limit: number, cursor?: string): Promise<Page<LedgerEntryView>> {
    const after = decodeCursor(cursor);
    const params: unknown[] = [userId, limit + 1];
    let where = '';
    if (after) {
      params.push(after.createdAt, after.id);
      where = `AND (date_trunc('milliseconds', created_at), id) < ($3::timestamptz, $4::uuid)`;
    }
    const rows: LedgerRow[] = await this.dataSource.query(
      `SELECT id, delta, balance_after, kind, reference_type, reference_id,
              date_trunc('milliseconds', created_at) AS created_at FROM credit_ledger
        WHERE user_id = $1 ${where}
        ORDER BY date_trunc('milliseconds', created_at) DESC, id DESC LIMIT $2`,
      params,
    );
    return toPage(
      rows.map((r) => ({ ...r, createdAt: r.created_at })),
      limit,
      (r): LedgerEntryView => ({
        id: r.id,
        delta: toCredits(r.delta),
        balanceAfter: toCredits(r.balance_after),
        kind: r.kind,
        reference: r.reference_type && r.reference_id ? { type: r.reference_type, id: r.reference_id } : null,
        createdAt: r.created_at.toISOString(),
      }),
    );
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
