import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { jobKeys, jobsApi } from './jobs-api';

/**
 * The job named by `?rerun=` ("Run again" in the history): the tool and template pages refill their form from it.
 * `ready` is false while it loads, so the form is built once with the right starting values.
 */
export function useRerun() {
  const [params] = useSearchParams();
  const jobId = params.get('rerun');
  const job = useQuery({
    queryKey: jobKeys.job(jobId ?? ''),
    queryFn: ({ signal }) => jobsApi.job(jobId!, signal),
    enabled: Boolean(jobId),
    retry: false,
  });
  return { job: job.data ?? null, ready: !jobId || !job.isPending };
}
