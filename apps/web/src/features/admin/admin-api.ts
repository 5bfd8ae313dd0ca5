import type { AdminQueueName, PromptStatus, Role } from '@megicai/contracts';
import type { Schema } from '@megicai/sdk';
import { data, megicai } from '../../api';

export type AuditLogEntryView = Schema<'AuditLogEntryDto'>;
export type AdminQueueRetryResult = Schema<'AdminQueueRetryDto'>;
export type AdminProviderView = Schema<'AdminProviderDto'>;

export type AdminUserView = Schema<'AdminUserDto'>;
export type AdminUserDetailView = Schema<'AdminUserDetailDto'>;
export type AdminQueueView = Schema<'AdminQueueDto'>;
export type AdminToolPatch = Schema<'AdminToolPatchDto'>;
export type AnalyticsReport = Schema<'AnalyticsReportDto'>;

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
    data(megicai.GET('/api/v1/admin/analytics', { params: { query: { from, to } }, signal })),
  tools: (signal?: AbortSignal) => data(megicai.GET('/api/v1/admin/tools', { signal })),
  patchTool: (id: string, patch: AdminToolPatch) =>
    data(megicai.PATCH('/api/v1/admin/tools/{id}', { params: { path: { id } }, body: patch })),
  queues: (signal?: AbortSignal) => data(megicai.GET('/api/v1/admin/queues', { signal })),
  retryFailed: (name: AdminQueueName) =>
    data(megicai.POST('/api/v1/admin/queues/{name}/retry-failed', { params: { path: { name } } })),
  users: (q: string, cursor?: string, signal?: AbortSignal) =>
    data(megicai.GET('/api/v1/admin/users', { params: { query: { q: q || undefined, cursor, limit: 20 } }, signal })),
  patchUser: (id: string, patch: { role?: Role; banned?: boolean }) =>
    data(megicai.PATCH('/api/v1/admin/users/{id}', { params: { path: { id } }, body: patch })),
  user: (id: string, signal?: AbortSignal) =>
    data(megicai.GET('/api/v1/admin/users/{id}', { params: { path: { id } }, signal })),
  adjustCredits: (id: string, body: Schema<'AdminCreditAdjustmentDto'>, idempotencyKey: string) =>
    data(
      megicai.POST('/api/v1/admin/users/{id}/credits', {
        params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
        body,
      }),
    ),
  audit: (filter: AuditFilter, cursor?: string, signal?: AbortSignal) =>
    data(
      megicai.GET('/api/v1/admin/audit-log', {
        params: {
          query: {
            actor: filter.actor || undefined,
            action: filter.action || undefined,
            object: filter.object || undefined,
            cursor,
            limit: 50,
          },
        },
        signal,
      }),
    ),
  prompts: (status: PromptStatus | '', cursor?: string, signal?: AbortSignal) =>
    data(
      megicai.GET('/api/v1/admin/prompts', {
        params: { query: { status: status || undefined, cursor, limit: 20 } },
        signal,
      }),
    ),
  moderatePrompt: (id: string, body: Schema<'ModeratePromptDto'>) =>
    data(megicai.PATCH('/api/v1/admin/prompts/{id}', { params: { path: { id } }, body })),
  retryJob: (name: AdminQueueName, id: string) =>
    data(megicai.POST('/api/v1/admin/queues/{name}/jobs/{id}/retry', { params: { path: { name, id } } })),
  providers: (signal?: AbortSignal) => data(megicai.GET('/api/v1/admin/providers', { signal })),
  openBoard: () => data(megicai.POST('/api/v1/admin/queues/board-session')),
};

/** `YYYY-MM-DD` of a UTC day `daysAgo` before today. */
export function utcDate(daysAgo = 0): string {
  return new Date(Date.now() - daysAgo * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

export const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;
export const usd = (n: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(n);
