import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Redis prefix of the queues an outbox row is for: processes of another deployment sharing the database (specs
 * of one run, each on its own prefix) relay only their own rows. Rows written before (NULL) are anyone's.
 */
export class OutboxQueuePrefix1764140000000 implements MigrationInterface {
  name = 'OutboxQueuePrefix1764140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_outbox ADD COLUMN queue_prefix varchar(200) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_outbox DROP COLUMN queue_prefix`);
  }
}
