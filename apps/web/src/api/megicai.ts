/**
 * The SPA's API client: the generated SDK (`@megicai/sdk`, openapi-fetch over the types generated from the API's
 * own OpenAPI document), so every path, parameter and body is typed by the API's DTOs and nothing is typed by hand.
 *
 * What the SDK leaves to its caller lives in the `fetch` given to it:
 * - `Authorization: Bearer <access token>`; on a 401 one refresh (all concurrent 401s share it) and a retry; when
 *   the refresh itself is refused the session is over and the tokens are dropped;
 * - every answer that is not 2xx rejects with an `ApiError` (the problem+json and its `code`), so a resolved call
 *   always carries `data`: `const job = await data(megicai.GET('/api/v1/jobs/{id}', { params: { path: { id } } }))`.
 * `anonymous` is the same without the token and the refresh (login, register, mailed links, the refresh itself).
 */
import { createMegicaiClient, type MegicaiClient } from '@megicai/sdk';
import { ApiError, toApiError } from './api-error';
import { tokenStore } from './token-store';

type SessionListener = () => void;
const sessionExpiredListeners = new Set<SessionListener>();

/** Called when a refresh was refused and the client dropped the session (not on an explicit logout). */
export function onSessionExpired(listener: SessionListener): () => void {
  sessionExpiredListeners.add(listener);
  return () => sessionExpiredListeners.delete(listener);
}

async function send(request: Request, token: string | null): Promise<Response> {
  const headers = new Headers(request.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetch(new Request(request, { headers }));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw ApiError.network(error);
  }
}

async function anonymousFetch(request: Request): Promise<Response> {
  const response = await send(request, null);
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** No token and no refresh: login, register, the mailed links, logout and the refresh itself. */
export const anonymous: MegicaiClient = createMegicaiClient({ baseUrl: '', fetch: anonymousFetch });

let refreshInFlight: Promise<boolean> | null = null;

async function rotateRefreshToken(): Promise<boolean> {
  // Read inside the (cross-tab) lock: another tab may have rotated it a moment ago, and presenting the spent one
  // would make the API revoke the whole token family (RFC 9700 reuse detection).
  const refreshToken = tokenStore.getRefreshToken();
  if (!refreshToken) return false;
  try {
    tokenStore.setTokens(await data(anonymous.POST('/api/v1/auth/refresh', { body: { refreshToken } })));
    return true;
  } catch (error) {
    // 5xx or no connection: the server is unwell, not the session. Keep the token and let this call fail.
    if (!(error instanceof ApiError) || error.status < 400 || error.status >= 500) throw error;
    // Refused (spent, revoked, expired): the session is over.
    tokenStore.clear();
    for (const listener of sessionExpiredListeners) listener();
    return false;
  }
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

async function authenticatedFetch(request: Request): Promise<Response> {
  // After a reload the access token is gone but the refresh token is there: refresh first, rather than
  // sending a request we know will come back 401.
  if (!tokenStore.getAccessToken() && tokenStore.getRefreshToken()) await refreshSession();
  // The body of a request can be read once: keep a copy for the retry after a refresh.
  const spare = request.clone();
  const sentWith = tokenStore.getAccessToken();
  let response = await send(request, sentWith);
  if (response.status === 401 && tokenStore.hasSession()) {
    const current = tokenStore.getAccessToken();
    // Someone else refreshed while this call was on the wire: just retry with the new token.
    const refreshed = (current !== null && current !== sentWith) || (await refreshSession());
    if (refreshed) response = await send(spare, tokenStore.getAccessToken());
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** The signed-in person's client. */
export const megicai: MegicaiClient = createMegicaiClient({ baseUrl: '', fetch: authenticatedFetch });

/**
 * The body of a call that resolved (both clients reject anything not 2xx with an ApiError, so `data` is there;
 * `undefined` for a 204).
 */
export async function data<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  return (await call).data as T;
}
