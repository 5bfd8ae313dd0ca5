import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MILLI_PER_CREDIT } from '@megicai/contracts';
import { CreditsService } from '../credits/credits.service';
import { MarketplaceService } from '../marketplace/marketplace.service';
import { WebhookEventsService } from '../webhooks/webhook-events.service';
import { Job, StoredAttempt, StoredOutput } from './entities/job.entity';
import { JobCacheService } from './job-cache.service';
import { attemptRecords, runEventsSql, TRANSITION_RETURNING } from './job-rows.sql';
import { jobReference, succeededWebhook, type MediaJobData, type QueuedJob } from './jobs.constants';
import { preparedQuery } from '../common/sql/prepared-query';
import { returnedRows } from './sql-rows.util';
import { hydrate } from '../common/sql/hydrate';

export interface JobSuccess {
  output: StoredOutput;
  provider: string;
  model: string;
  attempts: StoredAttempt[];
  /** How long the answering call took (ms), for the provider latency analytics. */
  latencyMs?: number;
}

export type CancelOutcome = 'canceled' | 'finished' | 'missing';

/**
 * The job state machine. Every transition is a conditional UPDATE, and the money moves in the same transaction as
 * the transition that won: whatever runs twice (a retried worker, a cancel racing a success), credits move once.
 */
@Injectable()
export class JobSettlementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly credits: CreditsService,
    private readonly marketplace: MarketplaceService,
    private readonly cache: JobCacheService,
    private readonly webhooks: WebhookEventsService,
  ) {}

  /**
   * queued (or running, for a retry after a crash) → running, in ONE statement; null when the job already ended. The
   * job comes from its queue message; a message of only the id (an older version's) reads the row in the same
   * statement (RETURNING *).
   */
  async start({ jobId, job }: MediaJobData): Promise<QueuedJob | null> {
    const rows = await preparedQuery<Record<string, unknown>>(
      this.dataSource,
      job ? 'job_start' : 'job_start_row',
      `UPDATE jobs SET status = 'running', started_at = coalesce(started_at, now()), runs = runs + 1, updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING ${job ? 'id' : '*'}`,
      [jobId],
    );
    if (rows.length === 0) return null;
    return job ?? hydrate(this.dataSource, Job, rows[0]);
  }

  /** Stores progress; false when the job is no longer running (canceled meanwhile), so the worker can stop. */
  async progress(jobId: string, percent: number): Promise<boolean> {
    const value = Math.max(0, Math.min(99, Math.round(percent)));
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `UPDATE jobs SET progress = GREATEST(progress, $2), updated_at = now() WHERE id = $1 AND status = 'running' RETURNING id`,
        [jobId, value],
      ),
    );
    return rows.length > 0;
  }

  /**
   * running → succeeded in ONE statement: the conditional transition, its analytics events, the capture, the
   * template's run and its creator's earning, and the webhook outbox rows; false when another transition won.
   */
  async succeed(job: QueuedJob, result: JobSuccess): Promise<boolean> {
    const creatorRun = this.creatorRun(job);
    const webhook = this.webhooks.recordAfter('job', succeededWebhook(job, result.provider));
    const answer = await this.credits.captureWith<{ deliveries: string[] | null }>(
      jobReference(job.id),
      (p) =>
        `job AS (${succeededSql(p, job.id, result)}), ${successEventsSql(p, result)}, ` +
        `${creatorRun ? `${creatorRun(p)}, ` : ''}${webhook(p)}`,
      DELIVERIES,
    );
    await this.webhooks.dispatch(answer.deliveries ?? []);
    if (answer.won && job.cacheKey) {
      // Not awaited: the answer need not wait for the cache (`set` never throws). Its SET is queued on the cache
      // connection within this turn of the event loop, before a repeat can be read, so the repeat finds it.
      void this.cache.set(job.cacheKey, { output: result.output, provider: result.provider, model: result.model });
    }
    return answer.won;
  }

  /**
   * queued/running → failed with a full refund in ONE statement (the transition, its analytics events, the release
   * and the owner's `job.failed` webhook rows); false when the job had already ended.
   */
  async fail(jobId: string, error: string, attempts: StoredAttempt[] = []): Promise<boolean> {
    const answer = await this.credits.releaseWith<{ deliveries: string[] | null }>(
      jobReference(jobId),
      (p) => `job AS (
          UPDATE jobs SET status = 'failed', error = ${p(error.slice(0, 2000))},
                 attempts = attempts || ${p(JSON.stringify(attempts))}::jsonb, finished_at = now(), updated_at = now()
           WHERE id = ${p(jobId)}::uuid AND status IN ('queued', 'running') ${TRANSITION_RETURNING}, provider
        ), ${runEventsSql(p, 'run_failed', attemptRecords(attempts), { amount: 'cost' })},
        ${FAILED_WEBHOOK}, ${this.webhooks.recordEachAfter('failed_webhook', 'job.failed')}`,
      DELIVERIES,
    );
    await this.webhooks.dispatch(answer.deliveries ?? []);
    return answer.won;
  }

  /** The owner's cancel: queued/running → canceled with a full refund, in ONE statement. */
  async cancel(jobId: string, userId: string): Promise<CancelOutcome> {
    const answer = await this.credits.releaseWith<{ found: number }>(
      jobReference(jobId),
      (p) => {
        const [id, owner] = [`${p(jobId)}::uuid`, `${p(userId)}::uuid`];
        return `job AS (
            UPDATE jobs SET status = 'canceled', finished_at = now(), updated_at = now()
             WHERE id = ${id} AND user_id = ${owner} AND status IN ('queued', 'running') ${TRANSITION_RETURNING}
          ), ${runEventsSql(p, 'run_canceled', [], { amount: 'cost' })},
          found AS (SELECT count(*)::int AS n FROM jobs WHERE id = ${id} AND user_id = ${owner})`;
      },
      `, (SELECT n FROM found) AS found`,
    );
    if (answer.won) return 'canceled';
    return answer.found > 0 ? 'finished' : 'missing';
  }

  /** A template run's record and its creator's earning (MarketplaceService), null for a run of no template. */
  private creatorRun(job: QueuedJob) {
    if (!job.templateId || job.templateVersion === null || !job.creatorId) return null;
    return this.marketplace.creatorRun({
      jobId: job.id,
      templateId: job.templateId,
      version: job.templateVersion,
      creatorId: job.creatorId,
      runnerId: job.userId,
      costMilli: job.cost,
    });
  }
}

/** The ids of the webhook delivery rows a settlement wrote (CTE `deliveries`), as the statement's extra column. */
const DELIVERIES = `, (SELECT array_agg(id) FROM deliveries) AS deliveries`;

/** The owner's `job.failed` event of a failure that won (CTE `job`), for WebhookEventsService.recordEachAfter. */
const FAILED_WEBHOOK = `failed_webhook AS (
  SELECT user_id, 'job.failed:' || id AS event_key,
         ${WebhookEventsService.payloadSql(
           'job.failed',
           `jsonb_build_object('jobId', id, 'toolId', tool_id, 'status', 'failed',
              'cost', trim_scale(cost::numeric / ${MILLI_PER_CREDIT}), 'provider', provider)`,
         )} AS payload
    FROM job)`;

/** running → succeeded, conditional: RETURNING a row only for the transition that won. */
function succeededSql(p: (value: unknown) => string, jobId: string, result: JobSuccess): string {
  return `UPDATE jobs SET status = 'succeeded', progress = 100, output = ${p(JSON.stringify(result.output))}::jsonb,
          provider = ${p(result.provider)}, model = ${p(result.model)},
          attempts = attempts || ${p(JSON.stringify(result.attempts))}::jsonb, error = NULL, finished_at = now(),
          updated_at = now()
    WHERE id = ${p(jobId)}::uuid AND status = 'running' ${TRANSITION_RETURNING}`;
}

/** The analytics events of a success (CTE `job`): who answered, how fast, and every provider call before it. */
function successEventsSql(p: (value: unknown) => string, result: JobSuccess): string {
  const answered = { provider: result.provider, latencyMs: result.latencyMs };
  return runEventsSql(p, 'run_succeeded', attemptRecords(result.attempts, answered), {
    provider: p(result.provider),
    latency_ms: p(result.latencyMs ?? null),
  });
}
