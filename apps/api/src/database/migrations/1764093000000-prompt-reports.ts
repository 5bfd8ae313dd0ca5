import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports of marketplace templates by users (spam, abuse, copyright, other). The unique pair makes "one report a user
 * a template" hold under parallel requests: a second insert conflicts instead of being checked first.
 */
export class PromptReports1764093000000 implements MigrationInterface {
  name = 'PromptReports1764093000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE prompt_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_id uuid NOT NULL REFERENCES prompt_templates(id) ON DELETE CASCADE,
        reporter_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        reason varchar(16) NOT NULL CHECK (reason IN ('spam', 'abuse', 'copyright', 'other')),
        detail varchar(1000) NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT prompt_reports_template_reporter_uq UNIQUE (template_id, reporter_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE prompt_reports`);
  }
}
