import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { AuthResponse, UserView } from '@megicai/contracts';
import { REFRESH_TOKEN_KEY } from '../../../web/src/api/storage-keys';
import { ADMIN_EMAIL, ADMIN_PASSWORD, API_V1 } from './platform';
import { DEFAULT_PASSWORD, uniqueEmail } from './unique-email';

export interface TestUser {
  email: string;
  password: string;
  displayName?: string;
}

export interface RegisteredUser extends TestUser {
  auth: AuthResponse;
}

/** A fresh user's credentials (not registered yet). */
export function newUser(overrides: Partial<TestUser> = {}): TestUser {
  return { email: uniqueEmail(), password: DEFAULT_PASSWORD, ...overrides };
}

/** Registers through the form at /register and waits until the header shows the balance. */
export async function registerViaUi(page: Page, user: TestUser = newUser(), referralCode?: string): Promise<TestUser> {
  await page.goto(referralCode ? `/register?ref=${encodeURIComponent(referralCode)}` : '/register');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(user.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
  if (user.displayName) await page.getByLabel('Display name').fill(user.displayName);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('balance')).toBeVisible();
  return user;
}

/**
 * Logs in through the form at /login and waits until the header shows the balance. With `{ goto: false }` it fills
 * the login form already on screen (say, after a guard sent the page to /login?next=…).
 */
export async function loginViaUi(
  page: Page,
  user: Pick<TestUser, 'email' | 'password'>,
  { goto = true }: { goto?: boolean } = {},
): Promise<void> {
  if (goto) await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(user.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('balance')).toBeVisible();
}

/** Logs out through the account menu in the header and waits for the login page. */
export async function logoutViaUi(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** Registers over HTTP: much faster than the form, for specs whose subject is something else. */
export async function registerViaApi(request: APIRequestContext, user: TestUser = newUser()): Promise<RegisteredUser> {
  const response = await request.post(`${API_V1}/auth/register`, {
    data: {
      email: user.email,
      password: user.password,
      ...(user.displayName ? { displayName: user.displayName } : {}),
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { ...user, auth: (await response.json()) as AuthResponse };
}

/** Logs in over HTTP and returns the tokens. */
export async function loginViaApi(
  request: APIRequestContext,
  user: Pick<TestUser, 'email' | 'password'>,
): Promise<AuthResponse> {
  const response = await request.post(`${API_V1}/auth/login`, { data: { email: user.email, password: user.password } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as AuthResponse;
}

/** The admin's tokens (the account comes from ADMIN_EMAIL / ADMIN_PASSWORD at the API's start). */
export function adminLoginViaApi(request: APIRequestContext): Promise<AuthResponse> {
  return loginViaApi(request, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
}

/** Logs the page in as the admin through the login form. */
export function loginAsAdmin(page: Page): Promise<void> {
  return loginViaUi(page, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
}

/**
 * Signs the page in with tokens obtained over HTTP (registerViaApi / loginViaApi), without the form: the SPA
 * finds the refresh token where it keeps it and refreshes on load. Give it a token pair of its own, not one that
 * another page or a later API call will also refresh (a spent refresh token revokes its whole family).
 */
export async function signInWithTokens(
  page: Page,
  auth: Pick<AuthResponse, 'refreshToken'>,
  path = '/',
): Promise<void> {
  await page.goto('/');
  await page.evaluate(([key, token]) => localStorage.setItem(key, token), [REFRESH_TOKEN_KEY, auth.refreshToken]);
  await page.goto(path);
  await expect(page.getByTestId('balance')).toBeVisible();
}

/** `GET /me` with a bearer token, e.g. to compare the header's balance with the API's. */
export async function meViaApi(request: APIRequestContext, accessToken: string): Promise<UserView> {
  const response = await request.get(`${API_V1}/me`, { headers: { Authorization: `Bearer ${accessToken}` } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as UserView;
}

/** The accessible name of the header balance, e.g. "Balance: 5 credits". */
export const BALANCE_NAME = /^Balance: \d+(\.\d{1,3})? credits?$/;
