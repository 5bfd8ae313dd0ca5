import { toCredits, type ToolKind } from '@megicai/contracts';
import type { Job } from './entities/job.entity';

export const MEDIA_QUEUES = ['image', 'audio', 'video'] as const;
export type MediaQueue = (typeof MEDIA_QUEUES)[number];

/** Media kinds go to a queue of the same name; text runs in the request. */
export function queueFor(kind: ToolKind): MediaQueue | null {
  return kind === 'text' ? null : kind;
}

/**
 * What a worker and the settlement need of a job, carried in its queue message so that the worker's start is an
 * UPDATE of a few bytes and no read of the row (issue 10). The row stays the record: what the message carries never
 * changes after acceptance.
 */
const QUEUED_JOB_FIELDS = [
  'id',
  'userId',
  'toolId',
  'kind',
  'prompt',
  'input',
  'requestedProvider',
  'requestedModel',
  'cost',
  'cacheKey',
  'templateId',
  'templateVersion',
  'creatorId',
] as const satisfies readonly (keyof Job)[];

export type QueuedJob = Pick<Job, (typeof QUEUED_JOB_FIELDS)[number]>;

/** The BullMQ payload. `job` is absent in a message of an older version: the worker then reads the row. */
export interface MediaJobData {
  jobId: string;
  job?: QueuedJob;
}

/** The message of a job: only the QueuedJob fields of a Job (or of any row that has them). */
export function mediaJobData(job: QueuedJob): MediaJobData {
  return { jobId: job.id, job: Object.fromEntries(QUEUED_JOB_FIELDS.map((f) => [f, job[f]])) as QueuedJob };
}

/** The credit hold and ledger entries of a job reference it as this. */
export const jobReference = (jobId: string) => ({ type: 'job', id: jobId });

/** The owner's `job.succeeded` event of a job (webhooks), as every success records it. */
export function succeededWebhook(job: QueuedJob, provider: string) {
  return {
    userId: job.userId,
    event: 'job.succeeded' as const,
    key: `job.succeeded:${job.id}`,
    data: { jobId: job.id, toolId: job.toolId, status: 'succeeded', cost: toCredits(job.cost), provider },
  };
}
