import { MigrationInterface, QueryRunner } from 'typeorm';

const TODAY = `(now() AT TIME ZONE 'UTC')::date`;
const MONTH = `date_trunc('month', now() AT TIME ZONE 'UTC')::date`;

/**
 * Spending caps. The user's caps and their running spend live on the account row itself, so the hold's one conditional
 * UPDATE checks balance and caps on a row it locks: parallel runs queue on that row and cannot overshoot. A key's
 * spend has its own row (`credit_key_spend`), and each hold records the key it was made with, so a refund can give
 * the key's spend back.
 */
export class SpendLimits1764084000000 implements MigrationInterface {
  name = 'SpendLimits1764084000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE credit_accounts
        ADD COLUMN daily_cap bigint CHECK (daily_cap >= 0),
        ADD COLUMN monthly_cap bigint CHECK (monthly_cap >= 0),
        ADD COLUMN low_balance_alert bigint CHECK (low_balance_alert >= 0),
        ADD COLUMN spent_day date,
        ADD COLUMN spent_today bigint NOT NULL DEFAULT 0 CHECK (spent_today >= 0),
        ADD COLUMN spent_month date,
        ADD COLUMN spent_this_month bigint NOT NULL DEFAULT 0 CHECK (spent_this_month >= 0)`);
    await q.query(`ALTER TABLE credit_holds ADD COLUMN api_key_id uuid`);
    await q.query(`ALTER TABLE api_keys ADD COLUMN daily_credit_cap bigint CHECK (daily_credit_cap >= 0)`);
    await q.query(`
      CREATE TABLE credit_key_spend (
        api_key_id uuid PRIMARY KEY REFERENCES api_keys(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        day date NOT NULL,
        spent bigint NOT NULL DEFAULT 0 CHECK (spent >= 0)
      )`);
    // Today's and this month's runs so far count from the start: holds not given back are the spend.
    await q.query(`
      UPDATE credit_accounts a SET
        spent_day = ${TODAY}, spent_today = s.today, spent_month = ${MONTH}, spent_this_month = s.month
        FROM (SELECT user_id,
                     coalesce(sum(amount) FILTER (WHERE (created_at AT TIME ZONE 'UTC')::date = ${TODAY}), 0) AS today,
                     sum(amount) AS month
                FROM credit_holds
               WHERE status <> 'released' AND created_at >= (${MONTH} AT TIME ZONE 'UTC')
               GROUP BY user_id) s
       WHERE a.user_id = s.user_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credit_key_spend`);
    await q.query(`ALTER TABLE api_keys DROP COLUMN daily_credit_cap`);
    await q.query(`ALTER TABLE credit_holds DROP COLUMN api_key_id`);
    await q.query(`
      ALTER TABLE credit_accounts
        DROP COLUMN daily_cap, DROP COLUMN monthly_cap, DROP COLUMN low_balance_alert, DROP COLUMN spent_day,
        DROP COLUMN spent_today, DROP COLUMN spent_month, DROP COLUMN spent_this_month`);
  }
}
