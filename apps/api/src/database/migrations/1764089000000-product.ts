import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offers that start later (`offer_starts_at`: the offer is in force from it to `offer_ends_at`), and jobs that
 * remember what was asked through a template: its title and the variables given, so history can show them and
 * "Run again" can refill the form even after the template changed.
 */
export class Product1764089000000 implements MigrationInterface {
  name = 'Product1764089000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tools ADD COLUMN offer_starts_at timestamptz`);
    await q.query(`ALTER TABLE jobs ADD COLUMN template_title text, ADD COLUMN template_variables jsonb`);
    // The history filters by kind and status within one user's jobs, newest first.
    await q.query(`CREATE INDEX jobs_user_kind_created_idx ON jobs (user_id, kind, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX jobs_user_kind_created_idx`);
    await q.query(`ALTER TABLE jobs DROP COLUMN template_variables, DROP COLUMN template_title`);
    await q.query(`ALTER TABLE tools DROP COLUMN offer_starts_at`);
  }
}
