import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conversations with a text tool: one row per conversation, one per message. An assistant message points at the job
 * of its run; its `cost` (milli-credits) is a copy of the job's for display (the money is on the job and the ledger).
 * A null title is named by the first message. A user message whose run failed stays, marked
 * `failed`, so the SPA can offer a retry; it is never sent as context. Search uses trigram indexes (ILIKE '%word%').
 * `tools.context_chars` is a tool's context budget (characters of earlier turns sent with a message).
 */
export class Conversations1764091000000 implements MigrationInterface {
  name = 'Conversations1764091000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`ALTER TABLE tools ADD COLUMN context_chars integer NULL CHECK (context_chars > 0)`);
    await q.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        tool_id uuid NOT NULL REFERENCES tools(id),
        title varchar(200) NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        last_activity_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX conversations_user_activity_idx ON conversations (user_id, last_activity_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX conversations_title_trgm_idx ON conversations USING gin (title gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE conversation_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        role varchar(16) NOT NULL CHECK (role IN ('user', 'assistant')),
        content text NOT NULL,
        job_id uuid NULL REFERENCES jobs(id) ON DELETE SET NULL,
        cost bigint NULL,
        failed boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      `CREATE INDEX conversation_messages_thread_idx ON conversation_messages (conversation_id, created_at, id)`,
    );
    await q.query(
      `CREATE INDEX conversation_messages_content_trgm_idx ON conversation_messages USING gin (content gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE conversation_messages`);
    await q.query(`DROP TABLE conversations`);
    await q.query(`ALTER TABLE tools DROP COLUMN context_chars`);
  }
}
