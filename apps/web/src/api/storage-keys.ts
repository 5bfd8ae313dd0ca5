/**
 * localStorage keys of the SPA. Plain constants without DOM code, so that the Playwright helpers in
 * apps/web-e2e can import them to sign a page in with tokens from the API.
 */
export const REFRESH_TOKEN_KEY = 'megicai.refreshToken';
