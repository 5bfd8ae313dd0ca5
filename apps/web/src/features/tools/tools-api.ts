import type { ToolKind, ToolView } from '@megicai/contracts';
import { api } from '../../api';

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
};

export const toolsApi = {
  list: (signal?: AbortSignal) => api.get<ToolView[]>('/tools', { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<ToolView>(`/tools/${encodeURIComponent(id)}`, { signal }),
  providers: (signal?: AbortSignal) => api.get<ProviderView[]>('/providers', { signal }),
};
