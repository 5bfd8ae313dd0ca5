import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * House creatives managed by admins: a `weight` (how often the house network puts a creative first), the storage key of
 * an uploaded file (null for URL, data: and inline HTML creatives), and when the row last changed.
 */
export class HouseCreativesAdmin1764110000000 implements MigrationInterface {
  name = 'HouseCreativesAdmin1764110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ad_creatives
        ADD COLUMN weight integer NOT NULL DEFAULT 100 CHECK (weight BETWEEN 1 AND 1000),
        ADD COLUMN file_key varchar(200) NULL,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ad_creatives DROP COLUMN weight, DROP COLUMN file_key, DROP COLUMN updated_at`);
  }
}
