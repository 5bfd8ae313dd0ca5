import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { DataSource } from 'typeorm';
import { authConfig } from '../../src/config/auth.config';
import { verifyLedger } from '../../src/credits/ledger-verify';
import { createTestApp, loginAdmin, registerUser, TestApp } from '../test-app';
import { hostileString, hostileValue, Operation, operationsOf, rawBody, valueFor } from './fuzz-arbitraries';

/**
 * Hostile requests aimed at EVERY operation of the served OpenAPI document, sent in-process with `inject` (no
 * sockets). Whatever arrives — wrong types, nesting, huge strings, NUL, lone surrogates, bad ids and cursors, odd
 * content types, forged tokens — the API answers below 500, as problem+json with a `code`, quickly, and the money
 * stays consistent.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);
const SEED = 20261130;
const SLOW_MS = 2000;
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 2);

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function hs256(payload: Record<string, unknown>, secret: string): string {
  const head = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

type Auth = { kind: string; headers: Record<string, string> };

describe('API fuzz (every operation of the OpenAPI document)', () => {
  let t: TestApp;
  let operations: Operation[];
  let auths: Auth[];
  let knownIds: string[];

  beforeAll(async () => {
    t = await createTestApp();
    const user = await registerUser(t);
    const admin = await loginAdmin(t);
    const key = await t
      .http()
      .post('/api/v1/api-keys')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .send({ name: 'fuzz' })
      .expect(201);
    const job = await t
      .http()
      .post('/api/v1/tools/summarize/run')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .send({ input: { prompt: 'hello' } });
    const { jwtSecret, jwtIssuer, jwtAudience } = t.app.get<{
      jwtSecret: string;
      jwtIssuer: string;
      jwtAudience: string;
    }>(authConfig.KEY);
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: user.user.id, role: 'admin', iss: jwtIssuer, aud: jwtAudience };
    auths = [
      { kind: 'none', headers: {} },
      { kind: 'user', headers: { authorization: `Bearer ${user.accessToken}` } },
      { kind: 'admin', headers: { authorization: `Bearer ${admin.accessToken}` } },
      { kind: 'api-key', headers: { 'x-api-key': (key.body as { key: string }).key } },
      { kind: 'api-key-bearer', headers: { authorization: `Bearer ${(key.body as { key: string }).key}` } },
      {
        kind: 'forged',
        headers: { authorization: `Bearer ${hs256({ ...claims, exp: now + 600 }, 'not-the-secret-'.repeat(3))}` },
      },
      {
        kind: 'expired',
        headers: { authorization: `Bearer ${hs256({ ...claims, exp: now - 600, iat: now - 1500 }, jwtSecret)}` },
      },
      {
        kind: 'alg-none',
        headers: {
          authorization: `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...claims, exp: now + 600 })}.`,
        },
      },
      { kind: 'garbage', headers: { authorization: 'Bearer \u00ff\u00fe', 'x-api-key': 'mgk_\u0000' } },
    ];
    knownIds = [
      user.user.id,
      (key.body as { id: string }).id,
      (job.body as { jobId?: string }).jobId ?? user.user.id,
      'summarize',
    ];
    const doc = await t.app.inject({ method: 'GET', url: '/api/docs-json' });
    operations = operationsOf(doc.json());
  });
  afterAll(() => t?.close());

  it('answers every hostile request below 500, as problem+json with a code, within 2 s; the ledger stays clean', async () => {
    expect(operations.length).toBeGreaterThan(50);
    const idArb = fc.oneof(hostileString, fc.constantFrom(...knownIds));
    const requestArb = fc
      .record({
        op: fc.constantFrom(...operations),
        auth: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(auths[1]) },
          { weight: 3, arbitrary: fc.constantFrom(auths[2], auths[3]) },
          { weight: 4, arbitrary: fc.constantFrom(...auths) },
        ),
        ids: fc.array(idArb, { minLength: 3, maxLength: 3 }),
        rawPath: fc.boolean(),
        // Header values are Latin-1 on the wire: keep what a client can send, hostile as it may be.
        idempotencyKey: fc.option(
          hostileString.map((k) => k.replace(/[^\x20-\x7e\x80-\xff]/g, '~')),
          { nil: undefined },
        ),
        query: fc.dictionary(
          fc.constantFrom(
            'limit',
            'cursor',
            'q',
            'period',
            'board',
            'from',
            'to',
            'stream',
            'status',
            'sort',
            'toolId',
          ),
          hostileString,
          { maxKeys: 3 },
        ),
        bodyKind: fc.constantFrom('schema', 'schema', 'schema', 'value', 'raw', 'none'),
        contentType: fc.constantFrom(
          'application/json',
          'application/json',
          'application/json',
          'application/json',
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json; charset=utf-16',
          undefined,
        ),
      })
      .chain((r) =>
        fc.record({
          r: fc.constant(r),
          schemaBody: valueFor(r.op.body),
          value: hostileValue,
          raw: rawBody,
        }),
      );

    const generating = performance.now();
    const samples = fc.sample(requestArb, { seed: SEED, numRuns: RUNS });
    const generatedMs = performance.now() - generating;
    let sendingMs = 0;
    const failures: string[] = [];
    const failureKinds = new Set<string>();
    const fail = (kind: string, message: string) => {
      if (!failureKinds.has(kind)) failures.push(message);
      failureKinds.add(kind);
    };
    const statusCounts: Record<string, number> = {};
    const byOperation = new Set<string>();
    let slowest = 0;
    const timeByOperation = new Map<string, number>();
    const slowRequests: string[] = [];

    // A few requests in flight at once, as clients would send them (and the run stays short on 2 cores).
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let n = next++; n < samples.length; n = next++) await send(samples[n]);
    };
    const send = async ({ r, schemaBody, value, raw }: (typeof samples)[number]): Promise<void> => {
      let i = 0;
      const path = r.op.path.replace(/\{[^}]+\}/g, () => {
        const id = r.ids[i++ % r.ids.length];
        return r.rawPath ? id.replace(/[/?#]/g, '') : encodeURIComponent(id.replace(/[\ud800-\udfff]/g, '\ufffd'));
      });
      const payload =
        r.bodyKind === 'none'
          ? undefined
          : r.bodyKind === 'raw'
            ? raw
            : (JSON.stringify(r.bodyKind === 'schema' ? schemaBody : value) ?? 'null');
      const headers: Record<string, string> = { ...r.auth.headers };
      if (payload !== undefined && r.contentType) headers['content-type'] = r.contentType;
      if (r.idempotencyKey !== undefined) headers['idempotency-key'] = r.idempotencyKey;
      const options: InjectOptions = {
        method: r.op.method as InjectOptions['method'],
        url: path,
        query: Object.fromEntries(
          Object.entries(r.query).map(([k, v]) => [k, v.replace(/[\ud800-\udfff]/g, '\ufffd')]),
        ),
        headers,
        payload,
      };
      const started = performance.now();
      let res;
      try {
        res = await t.app.inject(options);
      } catch (error) {
        fail(`throw ${r.op.path}`, `${r.op.method} ${path}: inject threw ${(error as Error).message}`);
        return;
      }
      const ms = performance.now() - started;
      sendingMs += ms;
      slowest = Math.max(slowest, ms);
      timeByOperation.set(r.op.path, (timeByOperation.get(r.op.path) ?? 0) + ms);
      if (ms > 300)
        slowRequests.push(`${Math.round(ms)} ms ${r.op.method} ${r.op.path} ${String(payload).slice(0, 60)}`);
      byOperation.add(`${r.op.method} ${r.op.path}`);
      statusCounts[res.statusCode] = (statusCounts[res.statusCode] ?? 0) + 1;
      const label = `${r.op.method} ${r.op.path} [${r.auth.kind}, ${r.bodyKind}, ${r.contentType}] url=${path.slice(0, 120)} body=${String(payload).slice(0, 120)}`;
      if (res.statusCode >= 500)
        fail(`${res.statusCode} ${r.op.method} ${r.op.path}`, `${res.statusCode} ${label} → ${res.body.slice(0, 200)}`);
      if (ms > SLOW_MS) fail(`slow ${r.op.method} ${r.op.path}`, `slow ${Math.round(ms)} ms ${label}`);
      if (res.statusCode >= 400) {
        const type = String(res.headers['content-type'] ?? '');
        const code = type.startsWith('application/problem+json') ? (res.json() as { code?: unknown }).code : undefined;
        // The OpenAI-compatible API answers in OpenAI's own error shape, by contract.
        const openAiShape = r.op.path.startsWith('/api/openai/') && type.startsWith('application/json');
        if (!openAiShape && (typeof code !== 'string' || !code))
          fail(
            `code ${res.statusCode} ${r.op.method} ${r.op.path}`,
            `no problem code ${res.statusCode} ${type} ${label} → ${res.body.slice(0, 200)}`,
          );
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const ledger = await verifyLedger((sql, params) => t.app.get(DataSource).query(sql, params));
    console.log(
      `fuzz: ${samples.length} requests, ${byOperation.size}/${operations.length} operations, statuses ${JSON.stringify(statusCounts)}, slowest ${Math.round(slowest)} ms, ledger ${ledger.ok ? 'clean' : 'DIRTY'} (${ledger.entries} entries)`,
    );
    const costly = [...timeByOperation].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(
      `fuzz: generated in ${Math.round(generatedMs / 1000)} s, answered in ${Math.round(sendingMs / 1000)} s`,
    );
    console.log(`fuzz: most time in ${costly.map(([p, ms]) => `${p} ${Math.round(ms / 1000)} s`).join(', ')}`);
    if (slowRequests.length) console.log(`fuzz: over 300 ms: ${slowRequests.slice(0, 15).join(' | ')}`);
    expect(failures.slice(0, 40)).toEqual([]);
    expect(byOperation.size).toBe(operations.length);
    expect(ledger.ok).toBe(true);
  }, 600_000);
});
