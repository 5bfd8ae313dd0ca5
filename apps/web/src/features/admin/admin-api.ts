import type {
  AdminProviderView,
  AdminCreditAdjustmentResult,
  AdminUserDetailView,
  AuditLogEntryView,
  PromptStatus,
  PromptTemplateView,
  AdminQueueName,
  AdminQueueRetryResult,
  AdminQueueView,
  AdminToolPatch,
  AdminUserView,
  AnalyticsReport,
  Page,
  Role,
  ToolView,
} from '@megicai/contracts';
import { api } from '../../api';

export const adminKeys = {
  analytics: (from: string, to: string) => ['admin', 'analytics', from, to] as const,
  tools: ['admin', 'tools'] as const,
  queues: ['admin', 'queues'] as const,
  users: (q: string) => ['admin', 'users', q] as const,
  user: (id: string) => ['admin', 'user', id] as const,
  audit: (filter: AuditFilter) => ['admin', 'audit', filter] as const,
  prompts: (status: string) => ['admin', 'prompts', status] as const,
  providers: ['admin', 'providers'] as const,
};

export interface AuditFilter {
  actor?: string;
  action?: string;
  object?: string;
}

export const adminApi = {
  analytics: (from: string, to: string, signal?: AbortSignal) =>
    api.get<AnalyticsReport>('/admin/analytics', { query: { from, to }, signal }),
  tools: (signal?: AbortSignal) => api.get<ToolView[]>('/admin/tools', { signal }),
  patchTool: (id: string, patch: AdminToolPatch) => api.patch<ToolView>(`/admin/tools/${id}`, patch),
  queues: (signal?: AbortSignal) => api.get<AdminQueueView[]>('/admin/queues', { signal }),
  retryFailed: (name: AdminQueueName) => api.post<AdminQueueRetryResult>(`/admin/queues/${name}/retry-failed`),
  users: (q: string, cursor?: string, signal?: AbortSignal) =>
    api.get<Page<AdminUserView>>('/admin/users', { query: { q: q || undefined, cursor, limit: 20 }, signal }),
  patchUser: (id: string, patch: { role?: Role; banned?: boolean }) =>
    api.patch<AdminUserView>(`/admin/users/${id}`, patch),
  user: (id: string, signal?: AbortSignal) => api.get<AdminUserDetailView>(`/admin/users/${id}`, { signal }),
  adjustCredits: (id: string, body: { delta: number; reason: string }, idempotencyKey: string) =>
    api.post<AdminCreditAdjustmentResult>(`/admin/users/${id}/credits`, body, { idempotencyKey }),
  audit: (filter: AuditFilter, cursor?: string, signal?: AbortSignal) =>
    api.get<Page<AuditLogEntryView>>('/admin/audit-log', {
      query: {
        actor: filter.actor || undefined,
        action: filter.action || undefined,
        object: filter.object || undefined,
        cursor,
        limit: 50,
      },
      signal,
    }),
  prompts: (status: PromptStatus | '', cursor?: string, signal?: AbortSignal) =>
    api.get<Page<PromptTemplateView>>('/admin/prompts', {
      query: { status: status || undefined, cursor, limit: 20 },
      signal,
    }),
  moderatePrompt: (id: string, body: { action: 'hide' | 'restore'; reason?: string }) =>
    api.patch<PromptTemplateView>(`/admin/prompts/${id}`, body),
  retryJob: (name: AdminQueueName, id: string) => api.post<unknown>(`/admin/queues/${name}/jobs/${id}/retry`),
  providers: (signal?: AbortSignal) => api.get<AdminProviderView[]>('/admin/providers', { signal }),
  openBoard: () => api.post<{ url: string; expiresAt: string }>('/admin/queues/board-session'),
};

/** `YYYY-MM-DD` of a UTC day `daysAgo` before today. */
export function utcDate(daysAgo = 0): string {
  return new Date(Date.now() - daysAgo * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

export const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;
export const usd = (n: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(n);
