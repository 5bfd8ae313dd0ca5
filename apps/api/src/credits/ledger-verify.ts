/**
 * The consistency check behind `npm run credits:verify` and the concurrency specs: every balance equals the sum of
 * its ledger, and every settled hold moved credits the way its status says. Plain SQL over any pg-style runner, so the
 * script needs no Nest application.
 */
export type QueryRunnerFn = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface LedgerDifference {
  userId: string;
  balance: number;
  ledgerSum: number;
}

export interface HoldIssue {
  referenceType: string;
  referenceId: string;
  status: string;
  refunds: number;
}

export interface LedgerReport {
  accounts: number;
  entries: number;
  differences: LedgerDifference[];
  holdIssues: HoldIssue[];
  ok: boolean;
}

export async function verifyLedger(query: QueryRunnerFn, userIds?: string[]): Promise<LedgerReport> {
  const scope = userIds ? `WHERE user_id = ANY($1::uuid[])` : '';
  const params = userIds ? [userIds] : [];
  const [counts] = await query(
    `SELECT (SELECT count(*) FROM credit_accounts ${scope})::bigint AS accounts,
            (SELECT count(*) FROM credit_ledger ${scope})::bigint AS entries`,
    params,
  );
  // A full outer join also catches ledger rows whose account is missing.
  const differences = await query(
    `WITH sums AS (SELECT user_id, sum(delta) AS total FROM credit_ledger ${scope} GROUP BY user_id),
          accounts AS (SELECT user_id, balance FROM credit_accounts ${scope})
     SELECT coalesce(a.user_id, s.user_id) AS user_id, coalesce(a.balance, 0) AS balance, coalesce(s.total, 0) AS total
       FROM accounts a FULL OUTER JOIN sums s ON s.user_id = a.user_id
      WHERE coalesce(a.balance, 0) <> coalesce(s.total, 0)`,
    params,
  );
  const holdIssues = await query(
    `SELECT h.reference_type, h.reference_id, h.status, count(l.id)::int AS refunds
       FROM credit_holds h
       LEFT JOIN credit_ledger l ON l.user_id = h.user_id AND l.kind = 'tool_refund'
        AND l.reference_type = h.reference_type AND l.reference_id = h.reference_id
      ${userIds ? 'WHERE h.user_id = ANY($1::uuid[])' : ''}
      GROUP BY h.id
     HAVING (h.status = 'released' AND h.amount > 0 AND count(l.id) <> 1)
         OR (h.status = 'captured' AND count(l.id) <> 0)`,
    params,
  );
  const report: LedgerReport = {
    accounts: Number(counts.accounts),
    entries: Number(counts.entries),
    differences: differences.map((r) => ({
      userId: String(r.user_id),
      balance: Number(r.balance),
      ledgerSum: Number(r.total),
    })),
    holdIssues: holdIssues.map((r) => ({
      referenceType: String(r.reference_type),
      referenceId: String(r.reference_id),
      status: String(r.status),
      refunds: Number(r.refunds),
    })),
    ok: false,
  };
  report.ok = report.differences.length === 0 && report.holdIssues.length === 0;
  return report;
}
