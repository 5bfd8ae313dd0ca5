/**
 * `npm run credits:verify`: recomputes every balance from the ledger and checks settled holds against their refunds.
 * Prints a report; exits 1 on any difference, 2 when it cannot run. Reads DATABASE_URL (the API's default when unset).
 */
import { Client } from 'pg';
import { verifyLedger } from '../../apps/api/src/credits/ledger-verify';

async function main(): Promise<number> {
  // DATABASE_URL, or the same local default as the API (config/database.config.ts).
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/megicai';
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // One snapshot for every query, so that concurrent traffic cannot show a half-written movement.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const report = await verifyLedger(async (sql, params) => (await client.query(sql, params)).rows);
    await client.query('COMMIT');
    console.log(`credits:verify — ${report.accounts} accounts, ${report.entries} ledger entries`);
    for (const d of report.differences) {
      console.log(`  balance ${d.balance} ≠ ledger sum ${d.ledgerSum} (milli-credits) for user ${d.userId}`);
    }
    for (const h of report.holdIssues) {
      console.log(`  hold ${h.referenceType}:${h.referenceId} is ${h.status} but has ${h.refunds} refund entries`);
    }
    console.log(
      report.ok
        ? 'OK: every balance equals its ledger sum.'
        : `FAILED: ${report.differences.length} balance differences, ${report.holdIssues.length} hold issues.`,
    );
    return report.ok ? 0 : 1;
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`credits:verify could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
