import { useQuery } from '@tanstack/react-query';
import type { JobStatus, JobView } from '@megicai/contracts';
import { toolKeys, toolsApi } from '../tools/tools-api';

export const FINISHED: ReadonlySet<JobStatus> = new Set<JobStatus>(['succeeded', 'failed', 'canceled']);

/** Polls a job until it finishes (every 500 ms while it runs). */
export function useJob(jobId: string) {
  return useQuery<JobView>({
    queryKey: toolKeys.job(jobId),
    queryFn: ({ signal }) => toolsApi.job(jobId, signal),
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.status) ? false : 500),
  });
}
