import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email ownership and account recovery: `users.email_verified`, `users.deleted_at` (an erased account keeps its row
 * so that its anonymous ledger rows still add up) and single-use account tokens (verification and reset links),
 * stored as SHA-256 hashes only.
 */
export class Accounts1764083000000 implements MigrationInterface {
  name = 'Accounts1764083000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN email_verified boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE users ADD COLUMN deleted_at timestamptz`);
    await q.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose varchar(16) NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX account_tokens_hash_key ON account_tokens (token_hash)`);
    await q.query(`CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_tokens`);
    await q.query(`ALTER TABLE users DROP COLUMN deleted_at`);
    await q.query(`ALTER TABLE users DROP COLUMN email_verified`);
  }
}
