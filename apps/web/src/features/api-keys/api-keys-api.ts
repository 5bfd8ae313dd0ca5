import type { Schema } from '@megicai/sdk';
import { data, megicai } from '../../api';

export type ApiKeyView = Schema<'ApiKeyDto'>;
export type CreatedApiKey = Schema<'CreatedApiKeyDto'>;
export type CreateApiKeyRequest = Schema<'CreateApiKeyDto'>;

export const apiKeysKeys = { list: ['api-keys'] as const };

export const apiKeysApi = {
  list: (signal?: AbortSignal) => data(megicai.GET('/api/v1/api-keys', { signal })),
  create: (body: CreateApiKeyRequest) => data(megicai.POST('/api/v1/api-keys', { body })),
  revoke: (id: string) => data(megicai.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
};
