import { MigrationInterface, QueryRunner } from 'typeorm';

export class Marketplace1764068000000 implements MigrationInterface {
  name = 'Marketplace1764068000000';

  async up(q: QueryRunner): Promise<void> {
    // Generated columns need immutable expressions; array_to_string is only stable in general, but it is
    // deterministic for text[], so the wrapper may declare itself immutable.
    await q.query(`
      CREATE FUNCTION prompt_search_document(title text, description text, tags text[]) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A')
            || setweight(to_tsvector('english', coalesce(array_to_string(tags, ' '), '')), 'B')
            || setweight(to_tsvector('english', coalesce(description, '')), 'C')
      $$`);
    await q.query(`
      CREATE TABLE prompt_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        creator_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        tool_id uuid NOT NULL,
        tool_kind varchar(16) NOT NULL CHECK (tool_kind IN ('text', 'image', 'audio', 'video')),
        title varchar(120) NOT NULL,
        description text NOT NULL DEFAULT '',
        tags text[] NOT NULL DEFAULT '{}',
        template text NOT NULL,
        variables jsonb NOT NULL DEFAULT '[]',
        status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'hidden')),
        version int NOT NULL DEFAULT 1,
        published_at timestamptz,
        hidden_at timestamptz,
        hidden_reason text,
        rating_count int NOT NULL DEFAULT 0,
        rating_sum int NOT NULL DEFAULT 0,
        top_score double precision NOT NULL DEFAULT 3,
        uses int NOT NULL DEFAULT 0,
        runs_30d int NOT NULL DEFAULT 0,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (prompt_search_document(title, description, tags)) STORED
      )`);
    // created_at is truncated to milliseconds so that keyset cursors (JavaScript dates) compare exactly.
    const listed = `WHERE status = 'published' AND deleted_at IS NULL`;
    await q.query(`CREATE INDEX prompt_templates_search_idx ON prompt_templates USING gin (search) ${listed}`);
    await q.query(`CREATE INDEX prompt_templates_top_idx ON prompt_templates (top_score DESC, id DESC) ${listed}`);
    await q.query(`CREATE INDEX prompt_templates_new_idx ON prompt_templates (published_at DESC, id DESC) ${listed}`);
    await q.query(`CREATE INDEX prompt_templates_popular_idx ON prompt_templates (runs_30d DESC, id DESC) ${listed}`);
    await q.query(
      `CREATE INDEX prompt_templates_tool_idx ON prompt_templates (tool_id, top_score DESC, id DESC) ${listed}`,
    );
    await q.query(
      `CREATE INDEX prompt_templates_creator_idx ON prompt_templates (creator_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX prompt_templates_status_idx ON prompt_templates (status, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE prompt_template_versions (
        template_id uuid NOT NULL REFERENCES prompt_templates(id) ON DELETE CASCADE,
        version int NOT NULL,
        title varchar(120) NOT NULL,
        description text NOT NULL,
        tags text[] NOT NULL,
        template text NOT NULL,
        variables jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (template_id, version)
      )`);
    await q.query(`
      CREATE TABLE prompt_ratings (
        template_id uuid NOT NULL REFERENCES prompt_templates(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        stars smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
        review text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (template_id, user_id)
      )`);
    await q.query(
      `CREATE INDEX prompt_ratings_recent_idx ON prompt_ratings (template_id, updated_at DESC, user_id DESC)`,
    );
    // One row per paid (or free) run through a template; job_id as the key makes recording idempotent.
    await q.query(`
      CREATE TABLE prompt_runs (
        job_id uuid PRIMARY KEY,
        template_id uuid NOT NULL REFERENCES prompt_templates(id) ON DELETE CASCADE,
        version int NOT NULL,
        creator_id uuid NOT NULL,
        runner_id uuid NOT NULL,
        cost_milli bigint NOT NULL CHECK (cost_milli >= 0),
        earning_milli bigint NOT NULL CHECK (earning_milli >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX prompt_runs_template_idx ON prompt_runs (template_id, created_at)`);
    await q.query(`CREATE INDEX prompt_runs_creator_idx ON prompt_runs (creator_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE prompt_runs`);
    await q.query(`DROP TABLE prompt_ratings`);
    await q.query(`DROP TABLE prompt_template_versions`);
    await q.query(`DROP TABLE prompt_templates`);
    await q.query(`DROP FUNCTION prompt_search_document(text, text, text[])`);
  }
}
