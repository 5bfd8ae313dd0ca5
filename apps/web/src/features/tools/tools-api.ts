import type { JobView, Page, Problem, RunResult, RunToolRequest, ToolKind, ToolView } from '@megicai/contracts';
import { api, ApiError, apiFetch } from '../../api';

export interface ProviderModelView {
  id: string;
  kind: ToolKind;
  default: boolean;
}

export interface ProviderView {
  id: string;
  name: string;
  kinds: ToolKind[];
  models: ProviderModelView[];
  available: boolean;
  healthy: boolean;
}

export const toolKeys = {
  tools: ['tools'] as const,
  tool: (id: string) => ['tools', id] as const,
  providers: ['providers'] as const,
  jobs: ['jobs'] as const,
  job: (id: string) => ['jobs', id] as const,
};

export const toolsApi = {
  list: (signal?: AbortSignal) => api.get<ToolView[]>('/tools', { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<ToolView>(`/tools/${encodeURIComponent(id)}`, { signal }),
  providers: (signal?: AbortSignal) => api.get<ProviderView[]>('/providers', { signal }),
  run: (toolId: string, body: RunToolRequest, idempotencyKey: string) =>
    api.post<RunResult>(`/tools/${encodeURIComponent(toolId)}/run`, body, { idempotencyKey }),
  job: (id: string, signal?: AbortSignal) => api.get<JobView>(`/jobs/${id}`, { signal }),
  jobs: (cursor?: string, signal?: AbortSignal) =>
    api.get<Page<JobView>>('/jobs', { query: { limit: 20, cursor }, signal }),
  cancel: (id: string) => api.post<JobView>(`/jobs/${id}/cancel`),
};

/**
 * `POST /tools/:id/run?stream=true`: calls `onToken` for each token and resolves with the finished job (the `done`
 * event). An `error` event rejects with an ApiError of its problem (so callers branch on its `code`).
 */
export async function streamRun(
  toolId: string,
  body: RunToolRequest,
  idempotencyKey: string,
  onToken: (text: string) => void,
  signal?: AbortSignal,
): Promise<JobView> {
  const response = await apiFetch(`/tools/${encodeURIComponent(toolId)}/run`, {
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
      else if (event.name === 'done') return event.data as JobView;
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
