import { MigrationInterface, QueryRunner } from 'typeorm';

/** Admin analytics read windows of days across all users: keep those reads on an index rather than a full scan. */
export class AnalyticsIndexes1764069500000 implements MigrationInterface {
  name = 'AnalyticsIndexes1764069500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS jobs_created_idx ON jobs (created_at)`);
    await q.query(`CREATE INDEX IF NOT EXISTS credit_ledger_created_idx ON credit_ledger (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS credit_ledger_created_idx`);
    await q.query(`DROP INDEX IF EXISTS jobs_created_idx`);
  }
}
