import type { Page } from '@megicai/contracts';
import { api } from '../../api';
import { streamTokens } from '../jobs/jobs-api';

export interface ConversationView {
  id: string;
  toolId: string;
  title: string;
  createdAt: string;
  lastActivityAt?: string;
}

export interface ChatMessageView {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  jobId?: string;
  /** Credits the run cost (assistant messages). */
  cost?: number;
  /** A question whose run failed (refunded): posting it again retries it. */
  failed?: boolean;
  createdAt: string;
}

export interface ConversationDetail extends ConversationView {
  messages: ChatMessageView[];
}

export const chatKeys = {
  all: ['conversations'] as const,
  list: (q: string) => ['conversations', 'list', q] as const,
  one: (id: string) => ['conversations', 'one', id] as const,
};

const path = (id: string) => `/conversations/${encodeURIComponent(id)}`;

export const chatApi = {
  list: (q: string, cursor?: string, signal?: AbortSignal) =>
    api.get<Page<ConversationView>>('/conversations', { query: { limit: 30, cursor, q: q || undefined }, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<ConversationDetail>(path(id), { signal }),
  create: (toolId: string, title?: string) =>
    api.post<ConversationView>('/conversations', { toolId, ...(title ? { title } : {}) }),
  rename: (id: string, title: string) => api.patch<ConversationDetail>(path(id), { title }),
  remove: (id: string) => api.delete<void>(path(id)),
  /** Streams the answer's tokens; resolves with the assistant message (the `done` event). */
  send: (id: string, content: string, idempotencyKey: string, onToken: (text: string) => void, signal?: AbortSignal) =>
    streamTokens<ChatMessageView>(`${path(id)}/messages`, { content }, idempotencyKey, onToken, signal),
};
