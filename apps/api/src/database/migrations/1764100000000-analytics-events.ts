import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Analytics as append-only events plus daily rollups. Writers INSERT events in the statement (or transaction) of what
 * they record, and never touch a shared row: the rollups are written only by the rollup job, which folds the events
 * past its watermark into `analytics_daily` (additive counters keyed by day, metric and up to two dimensions) in one
 * transaction with the watermark. `analytics_daily_users` makes DAU additive: a (day, user) pair counts once, when
 * it is first inserted. Raw events older than the retention setting are deleted by the same job.
 */
export class AnalyticsEvents1764100000000 implements MigrationInterface {
  name = 'AnalyticsEvents1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE analytics_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        type varchar(24) NOT NULL,
        user_id uuid NULL,
        tool_id uuid NULL,
        provider varchar(64) NULL,
        kind varchar(32) NULL,
        amount bigint NULL,
        latency_ms integer NULL,
        ok boolean NULL,
        ref_id uuid NULL
      )`);
    // No index on `at`: the rollup, the tail read and the retention all go by id (the primary key; ids follow time),
    // and an index on `at` would tempt the planner to read a whole window of raw events instead of the short tail.
    await q.query(`
      CREATE TABLE analytics_daily (
        day date NOT NULL,
        metric varchar(24) NOT NULL,
        dim1 varchar(64) NOT NULL DEFAULT '',
        dim2 varchar(64) NOT NULL DEFAULT '',
        value bigint NOT NULL,
        PRIMARY KEY (day, metric, dim1, dim2)
      )`);
    await q.query(`
      CREATE TABLE analytics_daily_users (
        day date NOT NULL,
        user_id uuid NOT NULL,
        PRIMARY KEY (day, user_id)
      )`);
    await q.query(`
      CREATE TABLE analytics_rollup_state (
        id smallint PRIMARY KEY CHECK (id = 1),
        last_event_id bigint NOT NULL,
        rolled_at timestamptz(3) NULL
      )`);
    await q.query(`INSERT INTO analytics_rollup_state (id, last_event_id) VALUES (1, 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE analytics_rollup_state, analytics_daily_users, analytics_daily, analytics_events`);
  }
}
