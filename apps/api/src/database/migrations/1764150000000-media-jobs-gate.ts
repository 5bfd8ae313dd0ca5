import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-user limit of media jobs in progress as a gate of the accept statement (one round trip instead of a
 * transaction of lock, count and hold). The function takes the user's advisory lock (held until the caller's
 * transaction ends, so one user's submits are serialized) and only then counts: a VOLATILE function runs each of its
 * queries on a fresh snapshot, so the count sees every job committed before the lock was granted.
 */
export class MediaJobsGate1764150000000 implements MigrationInterface {
  name = 'MediaJobsGate1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION media_jobs_in_progress_locked(uid uuid) RETURNS integer
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('media-jobs:' || uid::text));
        RETURN (SELECT count(*) FROM jobs
                 WHERE user_id = uid AND status IN ('queued', 'running') AND kind <> 'text');
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION media_jobs_in_progress_locked(uuid)`);
  }
}
