import { MigrationInterface, QueryRunner } from 'typeorm';

export class Credits1764064900000 implements MigrationInterface {
  name = 'Credits1764064900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credit_accounts (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        balance bigint NOT NULL DEFAULT 0 CONSTRAINT credit_accounts_balance_non_negative CHECK (balance >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE credit_ledger (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        delta bigint NOT NULL CHECK (delta <> 0),
        balance_after bigint NOT NULL CHECK (balance_after >= 0),
        kind varchar(32) NOT NULL,
        reference_type varchar(32),
        reference_id varchar(128),
        idempotency_key varchar(255),
        note varchar(500),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX credit_ledger_user_page_idx ON credit_ledger (user_id, created_at DESC, id DESC)`);
    // One entry of a kind per referenced thing (an ad session, a job, a day): exactly-once at the database level.
    await q.query(`
      CREATE UNIQUE INDEX credit_ledger_once_key ON credit_ledger (user_id, kind, reference_type, reference_id)
      WHERE reference_id IS NOT NULL`);
    await q.query(`CREATE INDEX credit_ledger_kind_time_idx ON credit_ledger (kind, created_at)`);
    await q.query(`
      CREATE TABLE credit_holds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        amount bigint NOT NULL CHECK (amount >= 0),
        status varchar(16) NOT NULL CHECK (status IN ('held', 'captured', 'released')),
        reference_type varchar(32) NOT NULL,
        reference_id varchar(128) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        settled_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX credit_holds_reference_key ON credit_holds (reference_type, reference_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credit_holds`);
    await q.query(`DROP TABLE credit_ledger`);
    await q.query(`DROP TABLE credit_accounts`);
  }
}
