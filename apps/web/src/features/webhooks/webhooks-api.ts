import type { Schema } from '@megicai/sdk';
import { data, megicai } from '../../api';

export type WebhookView = Schema<'WebhookDto'>;
export type CreatedWebhook = Schema<'CreatedWebhookDto'>;
export type WebhookDeliveryView = Schema<'WebhookDeliveryDto'>;

export const webhooksKeys = {
  all: ['webhooks'] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
};

export const webhooksApi = {
  list: (signal?: AbortSignal) => data(megicai.GET('/api/v1/me/webhooks', { signal })),
  create: (body: Schema<'CreateWebhookDto'>) => data(megicai.POST('/api/v1/me/webhooks', { body })),
  remove: (id: string) => data(megicai.DELETE('/api/v1/me/webhooks/{id}', { params: { path: { id } } })),
  deliveries: (id: string, signal?: AbortSignal) =>
    data(
      megicai.GET('/api/v1/me/webhooks/{id}/deliveries', { params: { path: { id }, query: { limit: 20 } }, signal }),
    ),
  sendTest: (id: string) => data(megicai.POST('/api/v1/me/webhooks/{id}/test', { params: { path: { id } } })),
};
