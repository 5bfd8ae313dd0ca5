import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job as QueueJob } from 'bullmq';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { webhooksConfig } from '../config/webhooks.config';
import { sendWebhook } from './webhook-sender';
import { retryDelay, WEBHOOK_QUEUE, webhookBackoff, WebhookJobData } from './webhook-schedule';

interface DeliveryRow {
  id: string;
  status: string;
  payload: Record<string, unknown>;
  url: string;
  secret: string;
  deleted: boolean;
}

/**
 * Worker: one attempt per BullMQ try. Signed by the Standard Webhooks scheme (`webhook-id` = the delivery id, the
 * same on every retry); a 2xx answer ends it, anything else is retried with exponential backoff within the window.
 */
@Processor(WEBHOOK_QUEUE, { concurrency: 8, settings: { backoffStrategy: webhookBackoff } })
export class WebhookDeliveryProcessor extends WorkerHost {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(webhooksConfig.KEY) private readonly config: ConfigType<typeof webhooksConfig>,
  ) {
    super();
  }

  async process(job: QueueJob<WebhookJobData>): Promise<void> {
    const [row]: DeliveryRow[] = await this.dataSource.query(
      `SELECT d.id, d.status, d.payload, e.url, e.secret, e.deleted_at IS NOT NULL AS deleted
         FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id = $1`,
      [job.data.deliveryId],
    );
    if (!row || row.status !== 'pending') return;
    if (row.deleted) return this.finish(row.id, 'failed', null, 'the endpoint was deleted');

    const body = JSON.stringify(row.payload);
    const at = new Date();
    const headers = {
      'webhook-id': row.id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(row.secret).sign(row.id, at, body),
    };
    const result = await sendWebhook(row.url, headers, body, {
      allowPrivate: this.config.allowPrivate,
      timeoutMs: this.config.timeoutMs,
    });
    const status = result.status ?? null;
    if (status !== null && status >= 200 && status < 300) return this.finish(row.id, 'succeeded', status, null);

    const attempt = job.attemptsMade + 1;
    const error = result.error ?? `HTTP ${status}`;
    if (attempt >= (job.opts.attempts ?? 1)) return this.finish(row.id, 'failed', status, error);
    const next = new Date(Date.now() + retryDelay(attempt, this.config.backoffMs, this.config.maxDelayMs));
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = $2, last_error = $3,
              next_attempt_at = $4, updated_at = now() WHERE id = $1 AND status = 'pending'`,
      [row.id, status, error.slice(0, 500), next],
    );
    // Thrown so that BullMQ schedules the retry (the custom backoff above).
    throw new Error(`Webhook delivery ${row.id} failed: ${error}`);
  }

  private async finish(id: string, status: 'succeeded' | 'failed', code: number | null, error: string | null) {
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1, last_status_code = $3, last_error = $4,
              next_attempt_at = NULL, updated_at = now() WHERE id = $1 AND status = 'pending'`,
      [id, status, code, error?.slice(0, 500) ?? null],
    );
  }
}
