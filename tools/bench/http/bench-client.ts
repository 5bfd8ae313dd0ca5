/** What several benches do against a started platform: call the API, fund a user through the admin, percentiles. */
import { randomBytes } from 'node:crypto';

export const BENCH_ADMIN = { email: 'bench-admin@megicai.test', password: 'bench-admin-password' };

export type Json = Record<string, unknown>;

export async function call(
  baseUrl: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<Json> {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as Json;
}

/** A new user granted `credits` by the bench admin (the platform must run with BENCH_ADMIN as ADMIN_EMAIL/PASSWORD). */
export async function registerFunded(baseUrl: string, credits: number): Promise<string> {
  const user = await call(baseUrl, '/auth/register', {
    body: { email: `bench-${randomBytes(4).toString('hex')}@megicai.test`, password: 'bench-password-1' },
  });
  const admin = await call(baseUrl, '/auth/login', { body: BENCH_ADMIN });
  await call(baseUrl, `/admin/users/${(user.user as Json).id as string}/credits`, {
    token: admin.accessToken as string,
    body: { delta: credits, reason: 'bench' },
  });
  return user.accessToken as string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}
