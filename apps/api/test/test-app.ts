import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { AuthResponse } from '@megicai/contracts';
import { createApp } from '../src/bootstrap/create-app';

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/**
 * Boots the whole API as production does (Fastify, filters, pipes, guards, OpenAPI) against the run's database and
 * Redis prefix. `env` overrides configuration for this app only (config is read when the app is created).
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    // TRUST_PROXY (like every variable) is read from `env` by the app's own configuration.
    const app = await createApp({ logger: process.env.TEST_LOGS === '1' });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return {
      app,
      http: () => request(app.getHttpServer()),
      close: () => app.close(),
    };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 12)}@example.test`;
}

export const TEST_PASSWORD = 'correct horse battery';

/** Registers a fresh user through the API and returns its tokens and profile. */
export async function registerUser(
  t: TestApp,
  overrides: { email?: string; password?: string; displayName?: string; referralCode?: string } = {},
): Promise<AuthResponse & { password: string }> {
  const body = { email: uniqueEmail(), password: TEST_PASSWORD, ...overrides };
  const res = await t.http().post('/api/v1/auth/register').send(body).expect(201);
  return { ...(res.body as AuthResponse), password: body.password };
}

export async function loginAdmin(t: TestApp): Promise<AuthResponse> {
  const res = await t
    .http()
    .post('/api/v1/auth/login')
    .send({
      email: process.env.ADMIN_EMAIL ?? 'admin@megicai.test',
      password: process.env.ADMIN_PASSWORD ?? 'admin-password-test',
    })
    .expect(200);
  return res.body as AuthResponse;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A marketplace template of the creator's, created and published: its id. */
export async function publishedTemplate(t: TestApp, token: string, body: Record<string, unknown>): Promise<string> {
  const created = await t.http().post('/api/v1/marketplace/prompts').set(bearer(token)).send(body).expect(201);
  const id = created.body.id as string;
  await t.http().post(`/api/v1/marketplace/prompts/${id}/publish`).set(bearer(token)).expect(200);
  return id;
}
