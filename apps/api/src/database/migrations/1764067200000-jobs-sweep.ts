import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sweeper looks for jobs in progress that nobody touched for a while: keep that lookup off a full scan. */
export class JobsSweep1764067200000 implements MigrationInterface {
  name = 'JobsSweep1764067200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX jobs_in_progress_idx ON jobs (updated_at) WHERE status IN ('queued', 'running')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX jobs_in_progress_idx`);
  }
}
