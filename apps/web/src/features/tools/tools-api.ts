import type { Schema } from '@megicai/sdk';
import { data, megicai } from '../../api';

export type ToolView = Schema<'ToolDto'>;
export type ProviderView = Schema<'ProviderDto'>;

export const toolKeys = {
  tools: ['tools'] as const,
  tool: (id: string) => ['tools', id] as const,
  providers: ['providers'] as const,
};

export const toolsApi = {
  list: (signal?: AbortSignal) => data(megicai.GET('/api/v1/tools', { signal })),
  get: (id: string, signal?: AbortSignal) =>
    data(megicai.GET('/api/v1/tools/{id}', { params: { path: { id } }, signal })),
  providers: (signal?: AbortSignal) => data(megicai.GET('/api/v1/providers', { signal })),
};
