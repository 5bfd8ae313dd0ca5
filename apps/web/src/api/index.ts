export { api, apiFetch, apiRequest, refreshSession, onSessionExpired, API_BASE } from './client';
export type { RequestOptions } from './client';
export { ApiError, isApiError } from './api-error';
export { authApi } from './auth-api';
export { tokenStore } from './token-store';
export { problemMessage } from './problem-message';
