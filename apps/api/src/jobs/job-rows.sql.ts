import type { SqlFragment } from '../common/sql/sql-fragment';
import type { Job } from './entities/job.entity';

/**
 * The CTEs that write a new job row (and, for media, its outbox row) in the statement that holds its cost: they
 * select from the credits statement's `hold` CTE, so a refused hold writes no job either. `created_at`/`updated_at`
 * come from the in-memory job, so the caller's copy matches the row without reading it back.
 */
export function insertJobAfterHold(job: Job, queue: string | null): SqlFragment {
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
    return queue
      ? `${insert}, outbox AS (INSERT INTO job_outbox (job_id, queue) SELECT id, ${p(queue)} FROM job)`
      : insert;
  };
}
