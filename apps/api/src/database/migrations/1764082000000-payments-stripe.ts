import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Real payments: credit packs for sale (seeded), checkouts that sell a plan or a pack, the provider's customer per
 * user, subscriptions and their paid invoices (one premium period and allowance per invoice, whatever repeats).
 */
export class PaymentsStripe1764082000000 implements MigrationInterface {
  name = 'PaymentsStripe1764082000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credit_packs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        credits_milli bigint NOT NULL CHECK (credits_milli > 0),
        price_cents int NOT NULL CHECK (price_cents > 0),
        currency char(3) NOT NULL,
        stripe_price_id varchar(255),
        active boolean NOT NULL DEFAULT true,
        sort_order int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Same currency as the plans; the bigger packs give more credits per dollar.
    await q.query(`
      INSERT INTO credit_packs (credits_milli, price_cents, currency, sort_order)
      VALUES (100000, 199, 'USD', 1), (550000, 999, 'USD', 2), (1200000, 1999, 'USD', 3)`);
    await q.query(`ALTER TABLE premium_plans ADD COLUMN stripe_price_id varchar(255)`);

    await q.query(`
      ALTER TABLE checkout_sessions
        ADD COLUMN kind varchar(8) NOT NULL DEFAULT 'plan' CHECK (kind IN ('plan', 'pack')),
        ALTER COLUMN plan_id DROP NOT NULL,
        ADD COLUMN pack_id uuid REFERENCES credit_packs(id),
        ADD COLUMN credits_milli bigint,
        ADD COLUMN amount_cents int,
        ADD COLUMN currency char(3),
        ADD COLUMN provider_session_id varchar(255),
        ADD COLUMN payment_intent_id varchar(255),
        ADD COLUMN refunded_milli bigint NOT NULL DEFAULT 0 CHECK (refunded_milli >= 0),
        ADD CONSTRAINT checkout_sessions_item_check CHECK (
          (kind = 'plan' AND plan_id IS NOT NULL)
          OR (kind = 'pack' AND pack_id IS NOT NULL AND credits_milli > 0 AND amount_cents > 0))`);
    // A refund names the payment intent: it must lead to one checkout.
    await q.query(`
      CREATE UNIQUE INDEX checkout_sessions_payment_intent_key ON checkout_sessions (payment_intent_id)
      WHERE payment_intent_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE payment_customers (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        provider varchar(32) NOT NULL,
        customer_id varchar(255) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, provider)
      )`);
    await q.query(`CREATE UNIQUE INDEX payment_customers_customer_key ON payment_customers (provider, customer_id)`);

    await q.query(`
      CREATE TABLE payment_subscriptions (
        id varchar(255) PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        provider varchar(32) NOT NULL,
        plan_id varchar(40) NOT NULL REFERENCES premium_plans(id),
        status varchar(16) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'canceled')),
        cancel_at_period_end boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX payment_subscriptions_user_idx ON payment_subscriptions (user_id)`);
    // One premium period (and its allowance) per paid invoice, whichever event reports it first.
    await q.query(`
      CREATE TABLE subscription_invoices (
        invoice_id varchar(255) PRIMARY KEY,
        subscription_id varchar(255) NOT NULL REFERENCES payment_subscriptions(id) ON DELETE CASCADE,
        event_id varchar(128) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE subscription_invoices`);
    await q.query(`DROP TABLE payment_subscriptions`);
    await q.query(`DROP TABLE payment_customers`);
    await q.query(`DELETE FROM checkout_sessions WHERE kind = 'pack'`);
    await q.query(`DROP INDEX checkout_sessions_payment_intent_key`);
    await q.query(`
      ALTER TABLE checkout_sessions
        DROP CONSTRAINT checkout_sessions_item_check,
        DROP COLUMN refunded_milli,
        DROP COLUMN payment_intent_id,
        DROP COLUMN provider_session_id,
        DROP COLUMN currency,
        DROP COLUMN amount_cents,
        DROP COLUMN credits_milli,
        DROP COLUMN pack_id,
        DROP COLUMN kind,
        ALTER COLUMN plan_id SET NOT NULL`);
    await q.query(`ALTER TABLE premium_plans DROP COLUMN stripe_price_id`);
    await q.query(`DROP TABLE credit_packs`);
  }
}
