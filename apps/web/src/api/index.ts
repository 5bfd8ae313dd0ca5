export { anonymous, data, megicai, onSessionExpired, refreshSession } from './megicai';
export { ApiError, isApiError } from './api-error';
export { authApi } from './auth-api';
export { tokenStore } from './token-store';
export { problemMessage } from './problem-message';
