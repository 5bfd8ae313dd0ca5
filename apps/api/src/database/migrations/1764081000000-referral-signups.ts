import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per referred sign-up: the address it came from and what became of its bonus (decided at the invited
 * user's first ad). Caps per referrer and per sign-up address count these rows, so farming with sock puppets pays
 * a bounded amount. Existing referred users are backfilled (`paid` when the ledger shows their bonus).
 */
export class ReferralSignups1764081000000 implements MigrationInterface {
  name = 'ReferralSignups1764081000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE referral_signups (
        invited_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        referrer_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        signup_address varchar(64),
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'capped')),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX referral_signups_referrer_paid ON referral_signups (referrer_id, decided_at) WHERE status = 'paid'`,
    );
    await q.query(
      `CREATE INDEX referral_signups_address_paid ON referral_signups (signup_address, decided_at) WHERE status = 'paid'`,
    );
    await q.query(`
      INSERT INTO referral_signups (invited_id, referrer_id, status, created_at, decided_at)
      SELECT u.id, u.referred_by_id, CASE WHEN l.created_at IS NULL THEN 'pending' ELSE 'paid' END, u.created_at, l.created_at
        FROM users u
        LEFT JOIN credit_ledger l ON l.user_id = u.id AND l.kind = 'referral_bonus'
         AND l.reference_type = 'referral' AND l.reference_id = u.id::text
       WHERE u.referred_by_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE referral_signups`);
  }
}
