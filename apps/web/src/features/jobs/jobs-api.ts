import type { JobStatus, JobView, Page, Problem, RunResult, RunToolRequest, ToolKind } from '@megicai/contracts';
import { api, ApiError, apiFetch } from '../../api';

/** Filters of the job history (`GET /jobs?kind=&status=`), applied by the server. */
export interface JobFilters {
  kind?: ToolKind;
  status?: JobStatus;
}

/** Query keys: everything under ['jobs'] is refetched after a run or a cancel. */
export const jobKeys = {
  all: ['jobs'] as const,
  list: (filters: JobFilters) => ['jobs', 'list', filters] as const,
  job: (id: string) => ['jobs', id] as const,
};

/** Runs and jobs: the jobs feature owns every call that starts, reads or cancels one. */
export const jobsApi = {
  run: (toolId: string, body: RunToolRequest, idempotencyKey: string) =>
    api.post<RunResult>(`/tools/${encodeURIComponent(toolId)}/run`, body, { idempotencyKey }),
  job: (id: string, signal?: AbortSignal) => api.get<JobView>(`/jobs/${id}`, { signal }),
  jobs: (filters: JobFilters, cursor?: string, signal?: AbortSignal) =>
    api.get<Page<JobView>>('/jobs', { query: { limit: 20, cursor, ...filters }, signal }),
  cancel: (id: string) => api.post<JobView>(`/jobs/${id}/cancel`),
};

/**
 * `POST /tools/:id/run?stream=true`: calls `onToken` for each token and resolves with the finished job (the `done`
 * event). An `error` event rejects with an ApiError of its problem (so callers branch on its `code`).
 */
export function streamRun(
  toolId: string,
  body: RunToolRequest,
  idempotencyKey: string,
  onToken: (text: string) => void,
  signal?: AbortSignal,
): Promise<JobView> {
  return streamTokens<JobView>(`/tools/${encodeURIComponent(toolId)}/run`, body, idempotencyKey, onToken, signal);
}

/**
 * A POST answered with the platform's token stream (`?stream=true`): `token` events, then `done` with the result
 * (resolved) or `error` with a problem (rejected as an ApiError). Text runs and conversation messages share it.
 */
export async function streamTokens<T>(
  path: string,
  body: unknown,
  idempotencyKey: string,
  onToken: (text: string) => void,
  signal?: AbortSignal,
): Promise<T> {
  const response = await apiFetch(path, {
    method: 'POST',
    body,
    query: { stream: 'true' },
    idempotencyKey,
    signal,
    headers: { Accept: 'text/event-stream, application/problem+json' },
  });
  if (!response.body) throw new Error('The server sent no stream.');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const event = parseEvent(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      if (event.name === 'token') onToken((event.data as { text: string }).text);
      else if (event.name === 'done') return event.data as T;
      else if (event.name === 'error') throw new ApiError(event.data as Problem);
    }
  }
  throw new Error('The stream ended before the answer was complete.');
}

function parseEvent(block: string): { name: string; data: unknown } {
  let name = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  try {
    return { name, data: JSON.parse(data.join('\n')) as unknown };
  } catch {
    return { name, data: null };
  }
}
