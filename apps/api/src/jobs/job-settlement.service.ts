import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toCredits } from '@megicai/contracts';
import { succeededWebhook } from './cached-hits.recorder';
import { CreditsService } from '../credits/credits.service';
import { MarketplaceService } from '../marketplace/marketplace.service';
import { WebhookEventsService } from '../webhooks/webhook-events.service';
import { Job, StoredAttempt, StoredOutput } from './entities/job.entity';
import { JobCacheService } from './job-cache.service';
import { attemptRecords, runEventsSql, TRANSITION_RETURNING } from './job-rows.sql';
import { jobReference } from './jobs.constants';
import { returnedRows } from './sql-rows.util';
import { hydrate } from '../common/sql/hydrate';
import { SqlParams } from '../common/sql/sql-fragment';

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
   * queued (or running, for a retry after a crash) → running, in ONE statement that returns the row; null when the
   * job already ended.
   */
  async start(jobId: string): Promise<Job | null> {
    const rows = returnedRows<Record<string, unknown>>(
      await this.dataSource.query(
        `UPDATE jobs SET status = 'running', started_at = coalesce(started_at, now()), runs = runs + 1, updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING *`,
        [jobId],
      ),
    );
    return rows.length ? hydrate(this.dataSource, Job, rows[0]) : null;
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

  /** running → succeeded, capture the hold and pay the template's creator; false when another transition won. */
  async succeed(job: Job, result: JobSuccess): Promise<boolean> {
    const { won, deliveries } = job.templateId
      ? await this.succeedWithEarning(job, result)
      : await this.succeedAlone(job, result);
    await this.webhooks.dispatch(deliveries);
    if (won && job.cacheKey) {
      // Not awaited: the answer need not wait for the cache (`set` never throws). Its SET is queued on the cache
      // connection within this turn of the event loop, before a repeat can be read, so the repeat finds it.
      void this.cache.set(job.cacheKey, { output: result.output, provider: result.provider, model: result.model });
    }
    return won;
  }

  /** The usual success in ONE statement: the conditional transition, the capture and the webhook outbox rows. */
  private async succeedAlone(job: Job, result: JobSuccess): Promise<{ won: boolean; deliveries: string[] }> {
    const event = succeededWebhook(job, result.provider);
    const answer = await this.credits.captureWith<{ deliveries: string[] | null }>(
      jobReference(job.id),
      (p) =>
        `job AS (${succeededSql(p, job.id, result)}), ${successEventsSql(p, result)}, ${this.webhooks.recordAfter('job', event)(p)}`,
      `, (SELECT array_agg(id) FROM deliveries) AS deliveries`,
    );
    return { won: answer.won, deliveries: answer.deliveries ?? [] };
  }

  /** A template run also pays its creator (the marketplace's rows): one transaction. */
  private async succeedWithEarning(job: Job, result: JobSuccess): Promise<{ won: boolean; deliveries: string[] }> {
    let deliveries: string[] = [];
    const won = await this.dataSource.transaction(async (m) => {
      const sql = new SqlParams();
      const statement = `WITH job AS (${succeededSql(sql.param, job.id, result)}), ${successEventsSql(sql.param, result)}
        SELECT id FROM job`;
      const rows = returnedRows<{ id: string }>(await m.query(statement, sql.values));
      if (rows.length === 0) return false;
      await this.credits.capture(jobReference(job.id), m);
      await this.payCreator(m, job);
      deliveries = await this.recordEvent(m, job.id, 'job.succeeded');
      return true;
    });
    return { won, deliveries };
  }

  /** queued/running → failed with a full refund; false when the job had already ended. */
  async fail(jobId: string, error: string, attempts: StoredAttempt[] = []): Promise<boolean> {
    let deliveries: string[] = [];
    const won = await this.dataSource.transaction(async (m) => {
      // The transition and its analytics events (the refund, every provider call) in one statement.
      const sql = new SqlParams([jobId, error.slice(0, 2000), JSON.stringify(attempts)]);
      const events = runEventsSql(sql.param, 'run_failed', attemptRecords(attempts), { amount: 'cost' });
      const rows = returnedRows<{ id: string }>(
        await m.query(
          `WITH job AS (
             UPDATE jobs SET status = 'failed', error = $2, attempts = attempts || $3::jsonb, finished_at = now(),
                    updated_at = now()
              WHERE id = $1 AND status IN ('queued', 'running') ${TRANSITION_RETURNING}
           ), ${events}
           SELECT id FROM job`,
          sql.values,
        ),
      );
      if (rows.length === 0) return false;
      await this.credits.release(jobReference(jobId), m);
      deliveries = await this.recordEvent(m, jobId, 'job.failed');
      return true;
    });
    await this.webhooks.dispatch(deliveries);
    return won;
  }

  /**
   * The owner's webhook event of a transition that won, written in its transaction (the outbox: a crash after the
   * commit cannot lose it); dispatched to the queue after the commit.
   */
  private async recordEvent(m: EntityManager, jobId: string, event: 'job.succeeded' | 'job.failed'): Promise<string[]> {
    const [job]: { user_id: string; tool_id: string; cost: string; cached: boolean; provider: string | null }[] =
      await m.query(`SELECT user_id, tool_id, cost, cached, provider FROM jobs WHERE id = $1`, [jobId]);
    if (!job) return [];
    return this.webhooks.record(m, {
      userId: job.user_id,
      event,
      key: `${event}:${jobId}`,
      data: {
        jobId,
        toolId: job.tool_id,
        status: event === 'job.succeeded' ? 'succeeded' : 'failed',
        cost: toCredits(Number(job.cost)),
        provider: job.provider,
      },
    });
  }

  /** The owner's cancel: queued/running → canceled with a full refund. */
  async cancel(jobId: string, userId: string): Promise<CancelOutcome> {
    return this.dataSource.transaction(async (m) => {
      const sql = new SqlParams([jobId, userId]);
      const rows = returnedRows<{ id: string }>(
        await m.query(
          `WITH job AS (
             UPDATE jobs SET status = 'canceled', finished_at = now(), updated_at = now()
              WHERE id = $1 AND user_id = $2 AND status IN ('queued', 'running') ${TRANSITION_RETURNING}
           ), ${runEventsSql(sql.param, 'run_canceled', [], { amount: 'cost' })}
           SELECT id FROM job`,
          sql.values,
        ),
      );
      if (rows.length > 0) {
        await this.credits.release(jobReference(jobId), m);
        return 'canceled';
      }
      const exists: unknown[] = await m.query(`SELECT 1 FROM jobs WHERE id = $1 AND user_id = $2`, [jobId, userId]);
      return exists.length ? 'finished' : 'missing';
    });
  }

  private async payCreator(m: EntityManager, job: Job): Promise<void> {
    if (!job.templateId || job.templateVersion === null || !job.creatorId) return;
    await this.marketplace.payCreator(m, {
      jobId: job.id,
      templateId: job.templateId,
      version: job.templateVersion,
      creatorId: job.creatorId,
      runnerId: job.userId,
      costMilli: job.cost,
    });
  }
}

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
