import { MigrationInterface, QueryRunner } from 'typeorm';

export class Jobs1764067100000 implements MigrationInterface {
  name = 'Jobs1764067100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        tool_id uuid NOT NULL REFERENCES tools(id),
        kind varchar(16) NOT NULL CHECK (kind IN ('text', 'image', 'audio', 'video')),
        status varchar(16) NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'canceled')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        input jsonb NOT NULL,
        prompt text NOT NULL,
        requested_provider varchar(64),
        requested_model varchar(200),
        provider varchar(64),
        model varchar(200),
        output jsonb,
        error text,
        cost bigint NOT NULL DEFAULT 0 CHECK (cost >= 0),
        cached boolean NOT NULL DEFAULT false,
        cache_key varchar(128),
        attempts jsonb NOT NULL DEFAULT '[]',
        runs int NOT NULL DEFAULT 0,
        template_id uuid,
        template_version int,
        creator_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX jobs_user_page_idx ON jobs (user_id, created_at DESC, id DESC)`);
    // The per-user limit counts these; it stays small because finished jobs leave it.
    await q.query(
      `CREATE INDEX jobs_active_media_idx ON jobs (user_id) WHERE status IN ('queued', 'running') AND kind <> 'text'`,
    );
    await q.query(`CREATE INDEX jobs_tool_time_idx ON jobs (tool_id, created_at)`);
    // Written in the job's transaction; deleted once the job reached BullMQ. A leftover row means "add it again".
    await q.query(`
      CREATE TABLE job_outbox (
        job_id uuid PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
        queue varchar(16) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_outbox`);
    await q.query(`DROP TABLE jobs`);
  }
}
