import { ProblemCode } from '@megicai/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearer, createTestApp, registerUser, TestApp } from '../../test/test-app';
import { PROBLEM_STATUS } from '../common/errors/problem-status';

interface ProblemResponse {
  description?: string;
  content?: Record<
    string,
    {
      schema?: { allOf?: { properties?: { code?: { enum?: string[] } } }[] };
      examples?: Record<string, { value: { code: string; status: number } }>;
    }
  >;
}

interface OpenApiDoc {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, unknown> }>; requestBody?: unknown }>
  >;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

describe('OpenAPI document and operations endpoints (integration)', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDoc;
  });
  afterAll(() => t.close());

  it('is the document the checked-in SDK was generated from (else run `npx nx run sdk:generate`)', () => {
    const sdk = JSON.parse(readFileSync(join(__dirname, '../../../../libs/sdk/openapi.json'), 'utf8')) as OpenApiDoc;
    expect(doc).toEqual(sdk);
  });

  it('is OpenAPI 3 with bearer and API-key security', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(expect.arrayContaining(['bearer', 'api-key']));
  });

  it.each([
    ['/api/v1/auth/register', 'post', ['201', '400', '409', '429']],
    ['/api/v1/auth/login', 'post', ['200', '400', '401', '429']],
    ['/api/v1/auth/refresh', 'post', ['200', '400', '401']],
    ['/api/v1/auth/logout', 'post', ['204', '400']],
    ['/api/v1/me', 'get', ['200', '401']],
    ['/api/v1/api-keys', 'post', ['201', '400', '401']],
    ['/api/v1/api-keys', 'get', ['200', '401']],
    ['/api/v1/api-keys/{id}', 'delete', ['204', '401', '404']],
  ])('documents %s %s with its responses, errors as problem+json', (path, method, statuses) => {
    const op = doc.paths[path]?.[method];
    expect(op).toBeDefined();
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(statuses));
    for (const status of statuses.filter((s) => Number(s) >= 400)) {
      expect(op.responses[status].content).toHaveProperty(['application/problem+json']);
    }
  });

  it('names the codes of every error answer of every route, each mapped to that status', () => {
    const known = new Set<string>(Object.values(ProblemCode));
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(op.responses as Record<string, ProblemResponse>)) {
          if (Number(status) < 400) continue;
          // The OpenAI-compatible surface answers errors in OpenAI's own format (its SDKs read that), not problem+json.
          if (path.startsWith('/api/openai/')) continue;
          const where = `${method.toUpperCase()} ${path} ${status}`;
          const media = response.content?.['application/problem+json'];
          const codes = media?.schema?.allOf?.[1]?.properties?.code?.enum ?? [];
          expect({ where, codes: codes.length > 0 }).toEqual({ where, codes: true });
          for (const code of codes) {
            expect({ where, code, known: known.has(code) }).toEqual({ where, code, known: true });
            expect({ where, code, status: PROBLEM_STATUS[code as ProblemCode] }).toEqual({
              where,
              code,
              status: Number(status),
            });
            expect(response.description).toContain(`\`${code}\``);
            expect(media?.examples?.[code]?.value).toMatchObject({ code, status: Number(status) });
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    const refresh = doc.paths['/api/v1/auth/refresh'].post.responses as Record<string, ProblemResponse>;
    expect(refresh['401'].description).toContain('`token_reused`');
    const run = doc.paths['/api/v1/tools/{id}/run'].post.responses as Record<string, ProblemResponse>;
    expect(run['402'].description).toContain('`insufficient_credits`');
  });

  it('has the schemas of every auth request and response', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'RegisterDto',
        'LoginDto',
        'RefreshDto',
        'AuthResponseDto',
        'TokenPairDto',
        'UserDto',
        'ProblemDto',
        'CreateApiKeyDto',
        'CreatedApiKeyDto',
        'ApiKeyDto',
      ]),
    );
  });

  it('serves Swagger UI, liveness, readiness and Prometheus metrics', async () => {
    await t.http().get('/api/docs').expect(200);
    await t.http().get('/api/health').expect(200, { status: 'ok' });
    const ready = await t.http().get('/api/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
    const metrics = await t.http().get('/api/metrics').expect(200);
    expect(metrics.text).toContain('http_requests_total');
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
  });

  it('accepts a POST without payload that still says Content-Type: application/json', async () => {
    const u = await registerUser(t);
    const res = await t
      .http()
      .post('/api/v1/credits/daily-reward')
      .set(bearer(u.accessToken))
      .set('Content-Type', 'application/json');
    expect(res.status).toBe(201);
  });

  it('answers unknown API routes with a problem+json 404', async () => {
    const res = await t.http().get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('Readiness when Redis is down', () => {
  it('answers 503', async () => {
    const t = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const res = await t.http().get('/api/health/ready');
      expect(res.status).toBe(503);
    } finally {
      await t.close().catch(() => undefined);
    }
  });
});
