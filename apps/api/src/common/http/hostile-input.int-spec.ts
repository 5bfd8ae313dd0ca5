import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { createTestApp, registerUser, TestApp } from '../../../test/test-app';

const PROBLEM = /^application\/problem\+json/;

/** Sends raw bytes on a socket and returns the whole answer (for what no HTTP client would send). */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error('timeout')));
  });
}

describe('Hostile input (integration)', () => {
  let t: TestApp;
  let token: string;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 7200, host: '127.0.0.1' });
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    token = (await registerUser(t)).accessToken;
  });
  afterAll(() => t.close());

  it('refuses 10,000 levels of JSON nesting cheaply with 400 invalid_json, unauthenticated, on any JSON route', async () => {
    for (const body of ['['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)]) {
      for (const url of ['/api/v1/auth/login', '/api/v1/auth/register', '/api/v1/marketplace/prompts']) {
        const started = process.cpuUsage();
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json' },
          payload: body,
        });
        const cpu = process.cpuUsage(started);
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.json()).toMatchObject({ status: 400, code: 'invalid_json' });
        // A linear scan, far below the 0.3 s of CPU each such body used to cost.
        expect((cpu.user + cpu.system) / 1000).toBeLessThan(100);
      }
    }
    // 64 levels are fine (the DTO then refuses the shape, as for any other wrong body).
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.io', password: 'x', extra: JSON.parse('['.repeat(60) + ']'.repeat(60)) },
    });
    expect(ok.json()).toMatchObject({ status: 400, code: 'validation_failed' });
  });

  it('answers 400 (never a PostgreSQL 500) to NUL bytes in a path parameter, the query or a string field', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const cases = [
      t.app.inject({ method: 'GET', url: '/api/v1/tools/summ%00arize', headers: auth }),
      t.app.inject({ method: 'GET', url: '/api/v1/marketplace/prompts?q=a%00b' }),
      t.app.inject({ method: 'GET', url: '/api/v1/jobs?cursor=%00', headers: auth }),
      t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: auth, payload: { displayName: 'Ada\u0000' } }),
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a\u0000@b.io', password: 'x' } }),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
  });

  it('answers 400 to a lone UTF-16 surrogate anywhere in a string (an email, a key, a nested field)', async () => {
    const bodies = [
      '{"email":"ada\\ud800@example.com","password":"correct horse battery"}',
      '{"email":"ada@example.com","password":"\\udc00\\udc00\\udc00\\udc00\\udc00\\udc00\\udc00\\udc00"}',
      '{"email":"ada@example.com","password":"correct horse battery","\\ud800":1}',
    ];
    for (const payload of bodies) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
  });

  it('answers 404 problem+json to malformed ids in paths', async () => {
    const auth = { authorization: `Bearer ${token}` };
    for (const url of [
      '/api/v1/jobs/not-a-uuid',
      '/api/v1/jobs/1%27%20OR%201=1',
      '/api/v1/marketplace/prompts/zzz',
      '/api/v1/tools/00000000-0000-0000-0000-000000000000',
      '/api/v1/conversations/12345',
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: auth });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
      expect(res.json()).toMatchObject({ code: 'not_found' });
    }
  });

  it('answers problem+json with a code to errors of the HTTP layer itself', async () => {
    const badEncoding = await t.app.inject({ method: 'GET', url: '/api/v1/tools/%E0%A4%A' });
    expect(badEncoding.statusCode).toBe(400);
    expect(badEncoding.headers['content-type']).toMatch(PROBLEM);
    expect(badEncoding.json()).toMatchObject({ code: 'validation_failed' });

    const longParam = await t.app.inject({ method: 'GET', url: `/api/v1/tools/${'a'.repeat(500)}` });
    expect(longParam.statusCode).toBe(414);
    expect(longParam.json()).toMatchObject({ code: 'uri_too_long' });

    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-route' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found' });

    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json()).toMatchObject({ code: 'unsupported_media_type' });

    const tooLarge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('answers problem+json on the socket to oversized headers, an over-long URL and broken framing', async () => {
    const headers = await rawExchange(
      port,
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(headers).toMatch(/^HTTP\/1\.1 431 /);
    expect(headers).toMatch(/Content-Type: application\/problem\+json/);
    expect(headers).toContain('"code":"headers_too_large"');

    const url = await rawExchange(port, `GET /api/v1/tools?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(url).toMatch(/^HTTP\/1\.1 431 /);
    expect(url).toContain('"code":"headers_too_large"');

    const framing = await rawExchange(
      port,
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
    );
    expect(framing).toMatch(/^HTTP\/1\.1 400 /);
    expect(framing).toMatch(/Content-Type: application\/problem\+json/);
    expect(framing).toContain('"code":"validation_failed"');
  });
});
