import {
  attemptEventsCte,
  type AttemptRecord,
  eventCte,
  type EventColumns,
} from '../analytics-events/analytics-events.sql';
import type { SqlFragment } from '../common/sql/sql-fragment';
import type { Job, StoredAttempt } from './entities/job.entity';

/**
 * The CTEs that write a new job row, its `run_accepted` analytics event (and, for media, its outbox row) in the statement that holds its cost: they
 * select from the credits statement's `hold` CTE, so a refused hold writes no job either. `created_at`/`updated_at`
 * come from the in-memory job, so the caller's copy matches the row without reading it back.
 */
export function insertJobAfterHold(job: Job, outbox: { queue: string; prefix: string } | null): SqlFragment {
  return (p) => {
    const values = [
      `${p(job.id)}::uuid`,
      `${p(job.userId)}::uuid`,
      `${p(job.toolId)}::uuid`,
      p(job.kind),
      p(job.status),
      `${p(job.progress)}::smallint`,
      `${p(JSON.stringify(job.input))}::jsonb`,
      p(job.prompt),
      p(job.requestedProvider),
      p(job.requestedModel),
      `${p(job.cost)}::bigint`,
      `${p(job.cacheKey)}::varchar`,
      `${p(job.runs)}::int`,
      `${p(job.templateId)}::uuid`,
      `${p(job.templateVersion)}::int`,
      `${p(job.creatorId)}::uuid`,
      `${p(job.templateTitle)}::text`,
      `${p(job.templateVariables === null ? null : JSON.stringify(job.templateVariables))}::jsonb`,
      `${p(job.startedAt)}::timestamptz`,
      `${p(job.createdAt)}::timestamptz`,
    ];
    const insert = `job AS (
      INSERT INTO jobs (id, user_id, tool_id, kind, status, progress, input, prompt, requested_provider,
                        requested_model, cost, cache_key, runs, template_id, template_version, creator_id,
                        template_title, template_variables, started_at, created_at, updated_at)
      SELECT ${values.join(', ')}, ${values[values.length - 1]} FROM hold
      RETURNING id)`;
    const [, user, tool, kind] = values;
    const event = eventCte('run_event', 'run_accepted', 'job', {
      user_id: user,
      tool_id: tool,
      kind,
      amount: values[10],
      ref_id: values[13],
    });
    const outboxRow = outbox
      ? `, outbox AS (INSERT INTO job_outbox (job_id, queue, queue_prefix) SELECT id, ${p(outbox.queue)}, ${p(outbox.prefix)} FROM job)`
      : '';
    return `${insert}, ${event}${outboxRow}`;
  };
}

/** What a transition's UPDATE returns for its analytics events (the CTE must be named `job`). */
export const TRANSITION_RETURNING = 'RETURNING id, user_id, tool_id, kind, cost';

/**
 * The analytics events of a transition that won (CTE `job` has a row only then): the run's own event and one per
 * provider call, fallbacks included. `columns` adds to the run's event (provider, latency, refunded amount).
 */
export function runEventsSql(
  p: (value: unknown) => string,
  type: 'run_succeeded' | 'run_failed' | 'run_canceled',
  attempts: AttemptRecord[],
  columns: EventColumns = {},
): string {
  const run = eventCte('run_event', type, 'job', { user_id: 'user_id', tool_id: 'tool_id', kind: 'kind', ...columns });
  if (attempts.length === 0) return run;
  return `${run}, ${attemptEventsCte('attempt_events', 'job', p(JSON.stringify(attempts)))}`;
}

/** The provider calls of a run as analytics records: the failed ones, then the one that answered (if any). */
export function attemptRecords(failed: StoredAttempt[], answered?: { provider: string; latencyMs?: number }) {
  const records: AttemptRecord[] = failed.map((a) => ({ provider: a.provider, ok: false, latencyMs: a.durationMs }));
  if (answered) records.push({ provider: answered.provider, ok: true, latencyMs: answered.latencyMs });
  return records;
}
