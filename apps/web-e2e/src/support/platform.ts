/** What scripts/start-platform.mjs gives the API; specs log in as this admin. */
export const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? 'admin@megicai.test';
export const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? 'admin-password-e2e';

export const API_V1 = '/api/v1';
