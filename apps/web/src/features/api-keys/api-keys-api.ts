import type { ApiKeyView, CreateApiKeyRequest, CreatedApiKey } from '@megicai/contracts';
import { api } from '../../api';

export const apiKeysKeys = { list: ['api-keys'] as const };

export const apiKeysApi = {
  list: (signal?: AbortSignal) => api.get<ApiKeyView[]>('/api-keys', { signal }),
  create: (body: CreateApiKeyRequest) => api.post<CreatedApiKey>('/api-keys', body),
  revoke: (id: string) => api.delete(`/api-keys/${id}`),
};
