import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-row sequence for the ledger. Taken while the account row is locked, so for one user it follows the order in
 * which balances changed; pages key on it (exact and indexed) instead of on timestamps that can tie.
 */
export class LedgerSeq1764070000000 implements MigrationInterface {
  name = 'LedgerSeq1764070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit_ledger ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`);
    await q.query(`CREATE UNIQUE INDEX credit_ledger_user_seq_idx ON credit_ledger (user_id, seq DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX credit_ledger_user_seq_idx`);
    await q.query(`ALTER TABLE credit_ledger DROP COLUMN seq`);
  }
}
