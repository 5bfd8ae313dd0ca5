import type {
  CreatePromptRequest,
  CreatorEarningsView,
  Page,
  PromptRatingView,
  PromptReportView,
  PromptSort,
  PromptTemplateView,
  RatePromptRequest,
  ReportPromptRequest,
  ToolKind,
  ToolView,
  UpdatePromptRequest,
} from '@megicai/contracts';
import { api } from '../../api';

export interface PromptFilters {
  q?: string;
  toolId?: string;
  kind?: ToolKind;
  sort?: PromptSort;
}

/** Query keys: everything under ['marketplace'] is refetched after a change to a template. */
export const marketplaceKeys = {
  all: ['marketplace'] as const,
  search: (filters: PromptFilters) => ['marketplace', 'search', filters] as const,
  template: (id: string) => ['marketplace', 'template', id] as const,
  ratings: (id: string) => ['marketplace', 'ratings', id] as const,
  mine: ['marketplace', 'mine'] as const,
  earnings: ['marketplace', 'earnings'] as const,
  tools: ['tools'] as const,
};

export const marketplaceApi = {
  search: (filters: PromptFilters, cursor?: string, signal?: AbortSignal) =>
    api.get<Page<PromptTemplateView>>('/marketplace/prompts', { query: { ...filters, cursor, limit: 20 }, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<PromptTemplateView>(`/marketplace/prompts/${id}`, { signal }),
  create: (body: CreatePromptRequest) => api.post<PromptTemplateView>('/marketplace/prompts', body),
  update: (id: string, body: UpdatePromptRequest) => api.patch<PromptTemplateView>(`/marketplace/prompts/${id}`, body),
  remove: (id: string) => api.delete(`/marketplace/prompts/${id}`),
  publish: (id: string) => api.post<PromptTemplateView>(`/marketplace/prompts/${id}/publish`),
  mine: (cursor?: string, signal?: AbortSignal) =>
    api.get<Page<PromptTemplateView>>('/marketplace/my-prompts', { query: { cursor, limit: 50 }, signal }),
  earnings: (signal?: AbortSignal) => api.get<CreatorEarningsView>('/marketplace/earnings', { signal }),
  rate: (id: string, body: RatePromptRequest) => api.post<PromptRatingView>(`/marketplace/prompts/${id}/ratings`, body),
  ratings: (id: string, cursor?: string, signal?: AbortSignal) =>
    api.get<Page<PromptRatingView>>(`/marketplace/prompts/${id}/ratings`, { query: { cursor, limit: 10 }, signal }),
  report: (id: string, body: ReportPromptRequest) =>
    api.post<PromptReportView>(`/marketplace/prompts/${id}/reports`, body),
  tools: (signal?: AbortSignal) => api.get<ToolView[]>('/tools', { signal }),
};
