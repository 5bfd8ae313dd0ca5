import type { JobStatus, ToolKind } from '@megicai/contracts';
import type { Schema } from '@megicai/sdk';
import { ApiError, data, megicai } from '../../api';

export type JobView = Schema<'JobDto'>;
export type JobOutput = Schema<'JobOutputDto'>;
export type JobAssetView = Schema<'JobAssetDto'>;
export type RunToolRequest = Schema<'RunToolDto'>;
export type RunResult = Schema<'RunResultDto'>;

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
    data(
      megicai.POST('/api/v1/tools/{id}/run', {
        params: { path: { id: toolId }, header: { 'Idempotency-Key': idempotencyKey } },
        body,
      }),
    ),
  job: (id: string, signal?: AbortSignal) =>
    data(megicai.GET('/api/v1/jobs/{id}', { params: { path: { id } }, signal })),
  jobs: (filters: JobFilters, cursor?: string, signal?: AbortSignal) =>
    data(megicai.GET('/api/v1/jobs', { params: { query: { limit: 20, cursor, ...filters } }, signal })),
  cancel: (id: string) => data(megicai.POST('/api/v1/jobs/{id}/cancel', { params: { path: { id } } })),
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
  const stream = await data(
    megicai.POST('/api/v1/tools/{id}/run', {
      params: { path: { id: toolId }, query: { stream: 'true' }, header: { 'Idempotency-Key': idempotencyKey } },
      body,
      ...STREAM,
      signal,
    }),
  );
  return readTokenStream<JobView>(stream, onToken);
}

/** Asks for the platform's token stream and hands back the body unread. */
export const STREAM = {
  parseAs: 'stream',
  headers: { Accept: 'text/event-stream, application/problem+json' },
} as const;

/**
 * Reads the platform's token stream (a POST with `?stream=true`): `token` events, then `done` with the result
 * (resolved) or `error` with a problem (rejected as an ApiError). Text runs and conversation messages share it.
 */
export async function readTokenStream<T>(
  stream: ReadableStream<Uint8Array> | null | undefined,
  onToken: (text: string) => void,
): Promise<T> {
  if (!stream) throw new Error('The server sent no stream.');
  // openapi-fetch types the body as bytes over any buffer; the decoder wants them over an ArrayBuffer (as fetch gives).
  const reader = (stream as ReadableStream<Uint8Array<ArrayBuffer>>).pipeThrough(new TextDecoderStream()).getReader();
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
      else if (event.name === 'error') throw new ApiError(event.data as ConstructorParameters<typeof ApiError>[0]);
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
