import type { ToolKind } from '@megicai/contracts';
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
export type QueuedJob = Pick<
  Job,
  | 'id'
  | 'userId'
  | 'toolId'
  | 'kind'
  | 'prompt'
  | 'input'
  | 'requestedProvider'
  | 'requestedModel'
  | 'cost'
  | 'cacheKey'
  | 'templateId'
  | 'templateVersion'
  | 'creatorId'
>;

/** The BullMQ payload. `job` is absent in a message of an older version: the worker then reads the row. */
export interface MediaJobData {
  jobId: string;
  job?: QueuedJob;
}

/** The message of a job (a Job, or any row that has its fields). */
export function mediaJobData(job: QueuedJob): MediaJobData {
  return {
    jobId: job.id,
    job: {
      id: job.id,
      userId: job.userId,
      toolId: job.toolId,
      kind: job.kind,
      prompt: job.prompt,
      input: job.input,
      requestedProvider: job.requestedProvider,
      requestedModel: job.requestedModel,
      cost: job.cost,
      cacheKey: job.cacheKey,
      templateId: job.templateId,
      templateVersion: job.templateVersion,
      creatorId: job.creatorId,
    },
  };
}

/** The credit hold and ledger entries of a job reference it as this. */
export const jobReference = (jobId: string) => ({ type: 'job', id: jobId });
