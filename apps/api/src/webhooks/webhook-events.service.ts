import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import type { WebhookEvent } from '@megicai/contracts';
import { webhooksConfig } from '../config/webhooks.config';
import { SqlFragment, SqlParams } from '../common/sql/sql-fragment';
import { attemptsWithin, WEBHOOK_BACKOFF, WEBHOOK_QUEUE, WebhookJobData } from './webhook-schedule';

/** An event as a feature reports it: what happened, to whom, and the key that makes it happen once. */
export interface WebhookEventInput {
  userId: string;
  event: WebhookEvent | 'webhook.test';
  /** Unique per endpoint: the same key is recorded once (`job.succeeded:<jobId>`). */
  key: string;
  data: Record<string, unknown>;
  /** Only this endpoint (the test event); otherwise every endpoint of the user subscribed to the event. */
  endpointId?: string;
}

/**
 * The producer side of webhooks, used by other features (job settlement): `record` writes the delivery rows in the
 * caller's transaction (the outbox), `dispatch` hands them to BullMQ after the commit, and `relay` (worker) re-adds
 * rows that a crash left behind. Delivering twice is possible (at least once); receivers dedupe on `webhook-id`.
 */
@Injectable()
export class WebhookEventsService {
  private readonly logger = new Logger(WebhookEventsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(webhooksConfig.KEY) private readonly config: ConfigType<typeof webhooksConfig>,
    @InjectQueue(WEBHOOK_QUEUE) private readonly queue: Queue<WebhookJobData>,
  ) {}

  /** One delivery row per subscribed endpoint, in the caller's transaction; returns their ids. */
  async record(m: EntityManager, input: WebhookEventInput): Promise<string[]> {
    const sql = new SqlParams();
    const rows: { id: string }[] = await m.query(deliveriesSql(input, sql.param), sql.values);
    return rows.map((r) => r.id);
  }

  /**
   * `record` as a CTE named `deliveries` of another feature's statement, written only when the CTE `gate` has a row
   * (the transition that won); the statement answers the ids with `(SELECT array_agg(id) FROM deliveries)`.
   */
  recordAfter(gate: string, input: WebhookEventInput): SqlFragment {
    return (p) => `deliveries AS (${deliveriesSql(input, p, `EXISTS (SELECT 1 FROM ${gate})`)})`;
  }

  /**
   * `recordAfter` for a set of events of one type: a CTE named `deliveries` with a row per row of `source` (columns
   * `user_id`, `event_key`, `payload` as made by `payloadOf`) and subscribed endpoint of that user.
   */
  recordEachAfter(source: string, event: WebhookEvent): string {
    return `deliveries AS (
      INSERT INTO webhook_deliveries (endpoint_id, event, event_key, payload)
      SELECT e.id, '${event}', s.event_key, s.payload FROM ${source} s
        JOIN webhook_endpoints e ON e.user_id = s.user_id AND e.deleted_at IS NULL AND '${event}'::text = ANY(e.events)
      ON CONFLICT (endpoint_id, event_key) DO NOTHING
      RETURNING id)`;
  }

  /** The body a receiver gets for an event (the `payload` column). */
  static payloadOf(input: Pick<WebhookEventInput, 'event' | 'data'>) {
    return { type: input.event, timestamp: new Date().toISOString(), data: input.data };
  }

  /** `payloadOf` as a SQL expression (a jsonb), for an event whose data a statement builds from its own rows. */
  static payloadSql(event: WebhookEvent, data: string): string {
    const timestamp = `to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    return `jsonb_build_object('type', '${event}', 'timestamp', ${timestamp}, 'data', ${data})`;
  }

  /** After the commit. Never throws: a row not added stays `enqueued = false` for the relay. */
  async dispatch(deliveryIds: string[]): Promise<void> {
    for (const id of deliveryIds) {
      try {
        await this.queue.add(
          'deliver',
          { deliveryId: id, maxDelayMs: this.config.maxDelayMs },
          {
            jobId: id,
            attempts: attemptsWithin(this.config),
            backoff: { type: WEBHOOK_BACKOFF, delay: this.config.backoffMs },
            removeOnComplete: true,
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        );
        await this.dataSource.query(`UPDATE webhook_deliveries SET enqueued = true WHERE id = $1`, [id]);
      } catch (error) {
        this.logger.warn(
          `Delivery ${id} left for the relay: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  /** Records and dispatches an event outside any other transaction (the test event). */
  async emit(input: WebhookEventInput): Promise<string[]> {
    const ids = await this.dataSource.transaction((m) => this.record(m, input));
    await this.dispatch(ids);
    return ids;
  }

  /** Worker: re-adds deliveries that never reached BullMQ (older than the relay interval). */
  async relay(): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM webhook_deliveries
        WHERE NOT enqueued AND status = 'pending'
          AND created_at < now() - make_interval(secs => $1::double precision / 1000)
        ORDER BY created_at LIMIT 500`,
      [this.config.relayIntervalMs],
    );
    await this.dispatch(rows.map((r) => r.id));
    return rows.length;
  }
}

/** One delivery row per endpoint of the user subscribed to the event (or the one endpoint asked for). */
function deliveriesSql(input: WebhookEventInput, p: (value: unknown) => string, gate = 'true'): string {
  const payload = WebhookEventsService.payloadOf(input);
  const event = `${p(input.event)}::varchar`;
  const endpoint = `${p(input.endpointId ?? null)}::uuid`;
  return `INSERT INTO webhook_deliveries (endpoint_id, event, event_key, payload)
    SELECT e.id, ${event}, ${p(input.key)}::varchar, ${p(JSON.stringify(payload))}::jsonb FROM webhook_endpoints e
     WHERE e.user_id = ${p(input.userId)}::uuid AND e.deleted_at IS NULL AND ${gate}
       AND (${endpoint} IS NULL AND ${event}::text = ANY(e.events) OR e.id = ${endpoint})
    ON CONFLICT (endpoint_id, event_key) DO NOTHING
    RETURNING id`;
}
