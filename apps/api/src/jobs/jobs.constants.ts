import type { ToolKind } from '@megicai/contracts';

export const MEDIA_QUEUES = ['image', 'audio', 'video'] as const;
export type MediaQueue = (typeof MEDIA_QUEUES)[number];

/** Media kinds go to a queue of the same name; text runs in the request. */
export function queueFor(kind: ToolKind): MediaQueue | null {
  return kind === 'text' ? null : kind;
}

/** The BullMQ payload: the job row is the record, so the id is all a worker needs. */
export interface MediaJobData {
  jobId: string;
}

/** The credit hold and ledger entries of a job reference it as this. */
export const jobReference = (jobId: string) => ({ type: 'job', id: jobId });
