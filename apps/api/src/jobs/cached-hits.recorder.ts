import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { eventCte } from '../analytics-events/analytics-events.sql';
import { Batcher } from '../common/batching/batcher';
import { isInfrastructureError } from '../common/errors/infrastructure.exception';
import { preparedQuery } from '../common/sql/prepared-query';
import { WebhookEventsService } from '../webhooks/webhook-events.service';
import type { Job } from './entities/job.entity';
import { succeededWebhook } from './jobs.constants';

/** The columns of a hit as the statement reads them from its one jsonb parameter. */
const HIT_COLUMNS = `id uuid, user_id uuid, tool_id uuid, kind varchar, input jsonb, prompt text,
  requested_provider varchar, requested_model varchar, provider varchar, model varchar, output jsonb,
  cache_key varchar, template_id uuid, template_version int, creator_id uuid, template_title text,
  template_variables jsonb, at timestamptz, event_key varchar, payload jsonb`;

/**
 * Cache hits, written as batches of rows (issue 10: "cache hits recorded cheaply, still visible in history and
 * analytics"). A hit is a job born `succeeded` at cost 0: its row, its `job.succeeded` webhook deliveries and its
 * analytics events. Hits that arrive together share ONE prepared statement (a Batcher: group commit), so under load
 * a hit costs a fraction of a round trip. The caller still waits for its batch's commit: the job is in history
 * before the answer leaves. No money moves on a hit, so the commit does not wait for the WAL flush
 * (`synchronous_commit` off for this transaction only): a PostgreSQL crash within a few hundred ms could lose a free
 * answer's history row, never a credit.
 */
@Injectable()
export class CachedHitsRecorder implements OnModuleInit {
  private readonly batcher = new Batcher<Job, void>((jobs) => this.writeBatch(jobs));
  private statement = '';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhooks: WebhookEventsService,
  ) {}

  onModuleInit(): void {
    const run = { user_id: 'user_id', tool_id: 'tool_id', kind: 'kind' };
    this.statement = `WITH hit AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS h(${HIT_COLUMNS})),
      job AS (
        INSERT INTO jobs (id, user_id, tool_id, kind, status, progress, input, prompt, requested_provider,
                          requested_model, provider, model, output, cost, cached, cache_key, attempts, runs,
                          template_id, template_version, creator_id, template_title, template_variables,
                          started_at, finished_at, created_at, updated_at)
        SELECT id, user_id, tool_id, kind, 'succeeded', 100, input, prompt, requested_provider,
               requested_model, provider, model, output, 0, true, cache_key, '[]'::jsonb, 0,
               template_id, template_version, creator_id, template_title, template_variables, at, at, at, at
          FROM hit
        RETURNING id, user_id, tool_id, kind, template_id, provider),
      ${this.webhooks.recordEachAfter('hit', 'job.succeeded')},
      ${eventCte('accepted_event', 'run_accepted', 'job', { ...run, amount: '0', ref_id: 'template_id' })},
      ${eventCte('hit_event', 'cache_hit', 'job', { ...run, provider: 'provider' })},
      relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
      SELECT (SELECT array_agg(id) FROM deliveries) AS deliveries, (SELECT 1 FROM relaxed) AS relaxed`;
  }

  /** Writes the hit (a job already `succeeded`, `createdAt` set) and resolves once its batch committed. */
  record(job: Job): Promise<void> {
    return this.batcher.add(job);
  }

  private async writeBatch(jobs: Job[]): Promise<PromiseSettledResult<void>[]> {
    try {
      await this.write(jobs);
      return jobs.map(() => ({ status: 'fulfilled', value: undefined }));
    } catch (error) {
      // One row PostgreSQL refuses must not fail the others: alone, each hit gets its own outcome.
      if (jobs.length === 1 || isInfrastructureError(error)) throw error;
      return Promise.allSettled(jobs.map((job) => this.write([job])));
    }
  }

  private async write(jobs: Job[]): Promise<void> {
    const hits = jobs.map((job) => {
      const event = succeededWebhook(job, job.provider ?? '');
      return {
        id: job.id,
        user_id: job.userId,
        tool_id: job.toolId,
        kind: job.kind,
        input: job.input,
        prompt: job.prompt,
        requested_provider: job.requestedProvider,
        requested_model: job.requestedModel,
        provider: job.provider,
        model: job.model,
        output: job.output,
        cache_key: job.cacheKey,
        template_id: job.templateId,
        template_version: job.templateVersion,
        creator_id: job.creatorId,
        template_title: job.templateTitle,
        template_variables: job.templateVariables,
        at: job.createdAt,
        event_key: event.key,
        payload: WebhookEventsService.payloadOf(event),
      };
    });
    const [answer] = await preparedQuery<{ deliveries: string[] | null }>(
      this.dataSource,
      'jobs-cached-hits',
      this.statement,
      [JSON.stringify(hits)],
    );
    await this.webhooks.dispatch(answer?.deliveries ?? []);
  }
}
