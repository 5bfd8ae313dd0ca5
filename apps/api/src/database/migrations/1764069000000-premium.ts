import { MigrationInterface, QueryRunner } from 'typeorm';

export class Premium1764069000000 implements MigrationInterface {
  name = 'Premium1764069000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE premium_plans (
        id varchar(40) PRIMARY KEY,
        name varchar(80) NOT NULL,
        price_cents int NOT NULL CHECK (price_cents >= 0),
        currency char(3) NOT NULL,
        interval varchar(8) NOT NULL CHECK (interval IN ('month', 'year')),
        allowance_milli bigint NOT NULL CHECK (allowance_milli >= 0),
        features jsonb NOT NULL DEFAULT '[]',
        active boolean NOT NULL DEFAULT true,
        sort_order int NOT NULL DEFAULT 0
      )`);
    const features = ['No ads', 'Premium-only tools such as the HD image studio'];
    await q.query(
      `INSERT INTO premium_plans (id, name, price_cents, currency, interval, allowance_milli, features, sort_order)
       VALUES ('premium-monthly', 'Premium monthly', 999, 'USD', 'month', 300000, $1, 1),
              ('premium-yearly', 'Premium yearly', 9999, 'USD', 'year', 4000000, $2, 2)`,
      [
        JSON.stringify([...features, '300 credits every month']),
        JSON.stringify([...features, '4000 credits every year', 'Two months free']),
      ],
    );
    await q.query(`
      CREATE TABLE checkout_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        plan_id varchar(40) NOT NULL REFERENCES premium_plans(id),
        provider varchar(32) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed')),
        event_id varchar(128),
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await q.query(`CREATE INDEX checkout_sessions_user_idx ON checkout_sessions (user_id, created_at DESC)`);
    // The provider's event id is the key: a replayed webhook finds its row and changes nothing.
    await q.query(`
      CREATE TABLE payment_events (
        id varchar(128) PRIMARY KEY,
        provider varchar(32) NOT NULL,
        type varchar(64) NOT NULL,
        payload jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment_events`);
    await q.query(`DROP TABLE checkout_sessions`);
    await q.query(`DROP TABLE premium_plans`);
  }
}
