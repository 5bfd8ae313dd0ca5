import { createTestApp, TestApp } from '../../../test/test-app';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-like-secret-of-at-least-32-chars',
  ASSET_URL_SECRET: 'another-production-like-secret',
  SMTP_URL: 'smtp://127.0.0.1:2525',
};
const TOKEN = 'metrics-token-0123456789abcdef';

describe('Security headers and exposure (integration)', () => {
  describe('in production', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ ...PRODUCTION, METRICS_TOKEN: TOKEN });
    });
    afterAll(() => t.close());

    it('sends HSTS, nosniff, frame denial, a referrer policy and a CSP the SPA and GPT ads work under', async () => {
      for (const url of ['/api/health', '/api/v1/tools', '/api/v1/no-such-route']) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{8}; includeSubDomains/);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
        const csp = String(res.headers['content-security-policy']);
        expect(csp).toContain("script-src 'self' https://securepubads.g.doubleclick.net");
        expect(csp).toMatch(/frame-src 'self' https:\/\/\*\.doubleclick\.net/);
        expect(csp).toContain("img-src 'self' data: blob:");
        expect(csp).toContain("connect-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).toContain('upgrade-insecure-requests');
        expect(csp).not.toContain('unsafe-eval');
        expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      }
    });

    it('keeps the API documentation public, Swagger UI under its own policy', async () => {
      const json = await t.app.inject({ method: 'GET', url: '/api/docs-json' });
      expect(json.statusCode).toBe(200);
      const ui = await t.app.inject({ method: 'GET', url: '/api/docs' });
      expect(ui.statusCode).toBe(200);
      const csp = String(ui.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('doubleclick');
      expect(csp).not.toContain('unsafe-eval');
    });

    it('answers /api/metrics only with the bearer METRICS_TOKEN (401 problem+json otherwise)', async () => {
      for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
        const res = await t.app.inject({
          method: 'GET',
          url: '/api/metrics',
          headers: authorization ? { authorization } : {},
        });
        expect(res.statusCode).toBe(401);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
        expect(res.json()).toMatchObject({ code: 'unauthorized' });
      }
      const ok = await t.app.inject({
        method: 'GET',
        url: '/api/metrics',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('# TYPE');
    });
  });

  it('answers 404 for /api/metrics in production while METRICS_TOKEN is unset; open outside production', async () => {
    const prod = await createTestApp(PRODUCTION);
    try {
      const res = await prod.app.inject({ method: 'GET', url: '/api/metrics' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found' });
    } finally {
      await prod.close();
    }
    const dev = await createTestApp();
    try {
      const res = await dev.app.inject({ method: 'GET', url: '/api/metrics' });
      expect(res.statusCode).toBe(200);
      // Developers' machines and the e2e run speak plain http: no upgrade there.
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    } finally {
      await dev.close();
    }
  });
});
