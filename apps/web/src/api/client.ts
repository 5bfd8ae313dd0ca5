/**
 * The typed API client of the SPA.
 *
 * Typed by hand from `@megicai/contracts` rather than generated from the OpenAPI document, because:
 * - the contracts lib is the one source both sides compile against: the API's DTOs implement its interfaces, so a
 *   changed field breaks `tsc` on both sides in the same commit, with no generated code to regenerate or review;
 * - generating would make the SPA's build depend on a running (or at least built and booted) API to obtain
 *   `/api/docs-json`, an awkward edge in the Nx graph and in CI, for a surface of a few dozen endpoints;
 * - generated clients are large and bring their own fetch wrappers, while the behaviour we care about (problem+json
 *   errors, one shared silent refresh, Idempotency-Key) is ours to get right anyway.
 * The OpenAPI document stays the reference for third-party integrators; `@megicai/contracts` is ours.
 *
 * Auth: `Authorization: Bearer <access token>`. On a 401 the client refreshes once (all concurrent 401s share the
 * same refresh) and retries; when the refresh itself is refused the session is over and the tokens are dropped.
 */
import type { TokenPair } from '@megicai/contracts';
import { ApiError, toApiError } from './api-error';
import { tokenStore } from './token-store';

export const API_BASE = '/api/v1';

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON, or as-is when it is FormData or a Blob/File (uploads; a Blob's type is its Content-Type). */
  body?: unknown;
  /** Appended as the query string; null and undefined values are left out. */
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** For calls that spend or grant credits: a retry with the same key has no second effect. */
  idempotencyKey?: string;
  /** `false` for calls that must neither carry a token nor trigger a refresh (login, register). Default true. */
  auth?: boolean;
}

type SessionListener = () => void;
const sessionExpiredListeners = new Set<SessionListener>();

/** Called when a refresh was refused and the client dropped the session (not on an explicit logout). */
export function onSessionExpired(listener: SessionListener): () => void {
  sessionExpiredListeners.add(listener);
  return () => sessionExpiredListeners.delete(listener);
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  // `/api/health` and friends live outside /api/v1; everything else is relative to it.
  const base = path.startsWith('/api/') ? path : `${API_BASE}${path}`;
  if (!query) return base;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined) params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

async function send(path: string, options: RequestOptions, withAuth: boolean): Promise<Response> {
  const headers = new Headers({ Accept: 'application/json, application/problem+json', ...options.headers });
  let body: BodyInit | undefined;
  if (options.body instanceof FormData || options.body instanceof Blob) {
    body = options.body;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set('Content-Type', 'application/json');
  }
  if (options.idempotencyKey) headers.set('Idempotency-Key', options.idempotencyKey);
  const token = withAuth ? tokenStore.getAccessToken() : null;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetch(buildUrl(path, options.query), {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw ApiError.network(error);
  }
}

let refreshInFlight: Promise<boolean> | null = null;

async function rotateRefreshToken(): Promise<boolean> {
  // Read inside the (cross-tab) lock: another tab may have rotated it a moment ago, and presenting the spent one
  // would make the API revoke the whole token family (RFC 9700 reuse detection).
  const refreshToken = tokenStore.getRefreshToken();
  if (!refreshToken) return false;
  const response = await send('/auth/refresh', { method: 'POST', body: { refreshToken } }, false);
  if (response.ok) {
    tokenStore.setTokens((await response.json()) as TokenPair);
    return true;
  }
  if (response.status >= 400 && response.status < 500) {
    // Refused (spent, revoked, expired): the session is over.
    tokenStore.clear();
    for (const listener of sessionExpiredListeners) listener();
    return false;
  }
  // 5xx: the server is unwell, not the session. Keep the token and let this call fail; a later one may refresh.
  throw await toApiError(response);
}

async function rotateUnderLock(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.locks) return rotateRefreshToken();
  // `await` flattens what the lib types call Promise<Promise<boolean>> for an async callback.
  return await navigator.locks.request('megicai-refresh', rotateRefreshToken);
}

/** One refresh at a time: in this tab through a shared promise, across tabs through a Web Lock when available. */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= rotateUnderLock().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/**
 * The raw, successful Response (for streams and downloads); throws ApiError for anything not 2xx.
 * Most callers want `apiRequest` instead.
 */
export async function apiFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  const withAuth = options.auth !== false;
  // After a reload the access token is gone but the refresh token is there: refresh first, rather than
  // sending a request we know will come back 401.
  if (withAuth && !tokenStore.getAccessToken() && tokenStore.getRefreshToken()) {
    await refreshSession();
  }
  const sentWith = tokenStore.getAccessToken();
  let response = await send(path, options, withAuth);
  if (response.status === 401 && withAuth && tokenStore.hasSession()) {
    const current = tokenStore.getAccessToken();
    // Someone else refreshed while this call was on the wire: just retry with the new token.
    const refreshed = (current !== null && current !== sentWith) || (await refreshSession());
    if (refreshed) response = await send(path, options, withAuth);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** A JSON call: the parsed body typed as T, `undefined` for 204. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiFetch(path, options);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) return (await response.json()) as T;
  return (await response.text()) as T;
}

type BodyOptions = Omit<RequestOptions, 'method' | 'body'>;

/** Shorthands: `api.get<Page<Job>>('/jobs', { query: { limit: 20 } })`, `api.post<Job>('/tools/x/run', body)`. */
export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: BodyOptions) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body?: unknown, options?: BodyOptions) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  put: <T>(path: string, body?: unknown, options?: BodyOptions) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  delete: <T = void>(path: string, options?: BodyOptions) => apiRequest<T>(path, { ...options, method: 'DELETE' }),
};
