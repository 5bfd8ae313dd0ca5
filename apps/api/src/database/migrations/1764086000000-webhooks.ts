import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing webhooks: a user's endpoints, and one delivery row per event and endpoint. A delivery row is written in
 * the transaction of the event (a job's settlement), so it is the outbox too: `enqueued` stays false until BullMQ
 * has it, and the worker's relay re-adds rows left behind by a crash.
 */
export class Webhooks1764086000000 implements MigrationInterface {
  name = 'Webhooks1764086000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        url varchar(2048) NOT NULL,
        events text[] NOT NULL,
        secret varchar(100) NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz NULL
      )`);
    await q.query(
      `CREATE INDEX webhook_endpoints_user_idx ON webhook_endpoints (user_id, created_at) WHERE deleted_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
        event varchar(32) NOT NULL,
        event_key varchar(200) NOT NULL,
        payload jsonb NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_status_code integer NULL,
        last_error varchar(500) NULL,
        next_attempt_at timestamptz NULL,
        enqueued boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_deliveries_once UNIQUE (endpoint_id, event_key)
      )`);
    await q.query(
      `CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (endpoint_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX webhook_deliveries_outbox_idx ON webhook_deliveries (created_at) WHERE NOT enqueued AND status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_endpoints`);
  }
}
