import type { DataSource } from 'typeorm';
import { verifyLedger } from '../../src/credits/ledger-verify';

/** Every fault spec ends here: whatever broke, every balance still equals its ledger and every hold settled once. */
export async function expectLedgerClean(db: DataSource): Promise<void> {
  const report = await verifyLedger((sql, params) => db.query(sql, params));
  expect({ differences: report.differences, holdIssues: report.holdIssues }).toEqual({
    differences: [],
    holdIssues: [],
  });
}
