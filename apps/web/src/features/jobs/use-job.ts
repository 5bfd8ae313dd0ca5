import { useQuery } from '@tanstack/react-query';
import type { JobStatus } from '@megicai/contracts';
import type { JobView } from './jobs-api';
import { jobKeys, jobsApi } from './jobs-api';

export const FINISHED: ReadonlySet<JobStatus> = new Set<JobStatus>(['succeeded', 'failed', 'canceled']);

/** Polls a job until it finishes (every 500 ms while it runs). */
export function useJob(jobId: string) {
  return useQuery<JobView>({
    queryKey: jobKeys.job(jobId),
    queryFn: ({ signal }) => jobsApi.job(jobId, signal),
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.status) ? false : 500),
  });
}
