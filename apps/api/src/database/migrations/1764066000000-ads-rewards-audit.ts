import { MigrationInterface, QueryRunner } from 'typeorm';
import { HOUSE_SEED_CREATIVES } from './house-seed-creatives';

/** Rewarded ads (tiers, house creatives, sessions, S2S callbacks), the daily-reward streak and the admin audit log. */
export class AdsRewardsAudit1764066000000 implements MigrationInterface {
  name = 'AdsRewardsAudit1764066000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ad_tiers (
        tier varchar(16) PRIMARY KEY,
        seconds integer NOT NULL CHECK (seconds > 0),
        credits bigint NOT NULL CHECK (credits > 0),
        daily_cap integer NOT NULL CHECK (daily_cap >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO ad_tiers (tier, seconds, credits, daily_cap) VALUES
        ('text', 60, 5000, 20), ('image', 120, 10000, 10), ('video', 180, 15000, 10)`);
    await q.query(`
      CREATE TABLE ad_creatives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL CHECK (kind IN ('video', 'image', 'html')),
        title varchar(200) NOT NULL,
        src text NOT NULL,
        click_url varchar(2000) NOT NULL,
        seconds integer NOT NULL CHECK (seconds > 0),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const c of HOUSE_SEED_CREATIVES) {
      await q.query(`INSERT INTO ad_creatives (kind, title, src, click_url, seconds) VALUES ($1, $2, $3, $4, $5)`, [
        c.kind,
        c.title,
        c.src,
        c.clickUrl,
        c.seconds,
      ]);
    }
    await q.query(`
      CREATE TABLE ad_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        tier varchar(16) NOT NULL,
        network varchar(32) NOT NULL,
        required_seconds integer NOT NULL,
        credits bigint NOT NULL,
        creative jsonb NOT NULL,
        client_address varchar(64) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('open', 'completed', 'replaced', 'expired')),
        started_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        completed_at timestamptz
      )`);
    // At most one open session per user: a new one replaces the old, and concurrent starts cannot both stay open.
    await q.query(`CREATE UNIQUE INDEX ad_sessions_one_open_key ON ad_sessions (user_id) WHERE status = 'open'`);
    await q.query(
      `CREATE INDEX ad_sessions_user_done_idx ON ad_sessions (user_id, completed_at) WHERE status = 'completed'`,
    );
    await q.query(
      `CREATE INDEX ad_sessions_address_done_idx ON ad_sessions (client_address, completed_at) WHERE status = 'completed'`,
    );
    await q.query(`CREATE INDEX ad_sessions_started_idx ON ad_sessions (started_at)`);
    await q.query(`
      CREATE TABLE ad_callbacks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network varchar(32) NOT NULL,
        transaction_id varchar(200) NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        session_id uuid REFERENCES ad_sessions(id) ON DELETE SET NULL,
        query text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ad_callbacks_transaction_key UNIQUE (network, transaction_id)
      )`);
    await q.query(`
      CREATE TABLE daily_reward_streaks (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        last_day date NOT NULL,
        streak integer NOT NULL CHECK (streak > 0)
      )`);
    await q.query(`
      CREATE TABLE admin_audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid NOT NULL,
        action varchar(64) NOT NULL,
        target_type varchar(32) NOT NULL,
        target_id varchar(128) NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX admin_audit_log_page_idx ON admin_audit_log (created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin_audit_log`);
    await q.query(`DROP TABLE daily_reward_streaks`);
    await q.query(`DROP TABLE ad_callbacks`);
    await q.query(`DROP TABLE ad_sessions`);
    await q.query(`DROP TABLE ad_creatives`);
    await q.query(`DROP TABLE ad_tiers`);
  }
}
