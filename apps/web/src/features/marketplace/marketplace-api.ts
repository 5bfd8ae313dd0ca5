import type { PromptSort, ToolKind } from '@megicai/contracts';
import type { Schema } from '@megicai/sdk';
import { data, megicai } from '../../api';

export type PromptReportView = Schema<'PromptReportDto'>;
export type CreatorEarningsView = Schema<'CreatorEarningsDto'>;
export type PromptVariableInput = Schema<'PromptVariableInputDto'>;

export type PromptTemplateView = Schema<'PromptTemplateDto'>;
export type PromptVariable = Schema<'PromptVariableDto'>;
export type PromptRatingView = Schema<'PromptRatingDto'>;
export type CreatePromptRequest = Schema<'CreatePromptDto'>;
export type UpdatePromptRequest = Schema<'UpdatePromptDto'>;
export type ReportPromptRequest = Schema<'ReportPromptDto'>;

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
    data(megicai.GET('/api/v1/marketplace/prompts', { params: { query: { ...filters, cursor, limit: 20 } }, signal })),
  get: (id: string, signal?: AbortSignal) =>
    data(megicai.GET('/api/v1/marketplace/prompts/{id}', { params: { path: { id } }, signal })),
  create: (body: CreatePromptRequest) => data(megicai.POST('/api/v1/marketplace/prompts', { body })),
  update: (id: string, body: UpdatePromptRequest) =>
    data(megicai.PATCH('/api/v1/marketplace/prompts/{id}', { params: { path: { id } }, body })),
  remove: (id: string) => data(megicai.DELETE('/api/v1/marketplace/prompts/{id}', { params: { path: { id } } })),
  publish: (id: string) => data(megicai.POST('/api/v1/marketplace/prompts/{id}/publish', { params: { path: { id } } })),
  mine: (cursor?: string, signal?: AbortSignal) =>
    data(megicai.GET('/api/v1/marketplace/my-prompts', { params: { query: { cursor, limit: 50 } }, signal })),
  earnings: (signal?: AbortSignal) => data(megicai.GET('/api/v1/marketplace/earnings', { signal })),
  rate: (id: string, body: Schema<'RatePromptDto'>) =>
    data(megicai.POST('/api/v1/marketplace/prompts/{id}/ratings', { params: { path: { id } }, body })),
  ratings: (id: string, cursor?: string, signal?: AbortSignal) =>
    data(
      megicai.GET('/api/v1/marketplace/prompts/{id}/ratings', {
        params: { path: { id }, query: { cursor, limit: 10 } },
        signal,
      }),
    ),
  report: (id: string, body: ReportPromptRequest) =>
    data(megicai.POST('/api/v1/marketplace/prompts/{id}/reports', { params: { path: { id } }, body })),
  tools: (signal?: AbortSignal) => data(megicai.GET('/api/v1/tools', { signal })),
};
