import type { Schema } from '@megicai/sdk';
import { data, megicai } from '../../api';
import { readTokenStream, STREAM } from '../jobs/jobs-api';

export type ConversationView = Schema<'ConversationSummaryDto'>;
export type ChatMessageView = Schema<'ConversationMessageDto'>;
export type ConversationDetail = Schema<'ConversationDetailDto'>;

export const chatKeys = {
  all: ['conversations'] as const,
  list: (q: string) => ['conversations', 'list', q] as const,
  one: (id: string) => ['conversations', 'one', id] as const,
};

const byId = (id: string) => ({ params: { path: { id } } });

export const chatApi = {
  list: (q: string, cursor?: string, signal?: AbortSignal) =>
    data(megicai.GET('/api/v1/conversations', { params: { query: { limit: 30, cursor, q: q || undefined } }, signal })),
  get: (id: string, signal?: AbortSignal) => data(megicai.GET('/api/v1/conversations/{id}', { ...byId(id), signal })),
  create: (toolId: string, title?: string) =>
    data(megicai.POST('/api/v1/conversations', { body: { toolId, ...(title ? { title } : {}) } })),
  rename: (id: string, title: string) =>
    data(megicai.PATCH('/api/v1/conversations/{id}', { ...byId(id), body: { title } })),
  remove: (id: string) => data(megicai.DELETE('/api/v1/conversations/{id}', byId(id))),
  /** Streams the answer's tokens; resolves with the assistant message (the `done` event). */
  send: async (
    id: string,
    content: string,
    idempotencyKey: string,
    onToken: (text: string) => void,
    signal?: AbortSignal,
  ): Promise<ChatMessageView> => {
    const stream = await data(
      megicai.POST('/api/v1/conversations/{id}/messages', {
        params: { path: { id }, query: { stream: 'true' }, header: { 'Idempotency-Key': idempotencyKey } },
        body: { content },
        ...STREAM,
        signal,
      }),
    );
    return readTokenStream<ChatMessageView>(stream, onToken);
  },
};
