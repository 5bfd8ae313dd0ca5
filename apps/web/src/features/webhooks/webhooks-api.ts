import type { Page, WebhookDeliveryStatus, WebhookEvent } from '@megicai/contracts';
import { api } from '../../api';

/** Shapes of `/me/webhooks` (the API's DTOs; the generated SDK will replace these). */
export interface WebhookView {
  id: string;
  url: string;
  events: WebhookEvent[];
  createdAt: string;
}

export interface CreatedWebhook extends WebhookView {
  /** Shown once: the API never returns it again. */
  secret: string;
}

export interface WebhookDeliveryView {
  id: string;
  event: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError?: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
}

export const webhooksKeys = {
  all: ['webhooks'] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
};

export const webhooksApi = {
  list: (signal?: AbortSignal) => api.get<WebhookView[]>('/me/webhooks', { signal }),
  create: (body: { url: string; events: WebhookEvent[] }) => api.post<CreatedWebhook>('/me/webhooks', body),
  remove: (id: string) => api.delete(`/me/webhooks/${id}`),
  deliveries: (id: string, signal?: AbortSignal) =>
    api.get<Page<WebhookDeliveryView>>(`/me/webhooks/${id}/deliveries`, { query: { limit: 20 }, signal }),
  sendTest: (id: string) => api.post<{ deliveryId: string }>(`/me/webhooks/${id}/test`),
};
