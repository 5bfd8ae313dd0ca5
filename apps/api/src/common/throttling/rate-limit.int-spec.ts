import { randomBytes } from 'node:crypto';
import { createTestApp, registerUser, TestApp, uniqueEmail } from '../../../test/test-app';

/** Each scenario gets its own Redis prefix: a blocked address must not spill into specs running in parallel. */
async function appWithLimits(env: Record<string, string>): Promise<TestApp> {
  return createTestApp({ REDIS_PREFIX: `${process.env.REDIS_PREFIX}-rl${randomBytes(3).toString('hex')}`, ...env });
}

const wrongLogin = (t: TestApp, email: string, address?: string) => {
  const req = t.http().post('/api/v1/auth/login');
  if (address) req.set('X-Forwarded-For', address);
  return req.send({ email, password: 'wrong password' });
};

describe('Rate limiting (integration, Redis-backed)', () => {
  it('answers 429 problem+json with Retry-After after a burst of failed logins from one address', async () => {
    const t = await appWithLimits({ AUTH_RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const responses = [];
      // A different email each time: the per-address limit must hold on its own.
      for (let i = 0; i < 8; i++) responses.push(await wrongLogin(t, uniqueEmail('burst')));
      expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
      const limited = responses[7];
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    } finally {
      await t.close();
    }
  });

  it('limits attempts per email too, even from many addresses', async () => {
    const t = await appWithLimits({ LOGIN_FREE_FAILURES: '3', TRUST_PROXY: 'true' });
    try {
      const email = uniqueEmail('target');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await wrongLogin(t, email, `203.0.113.${10 + i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });

  it('applies the general limit per user', async () => {
    const t = await appWithLimits({ RATE_LIMIT_PER_MINUTE: '30' });
    try {
      const u = await registerUser(t);
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++) {
        statuses.push((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${u.accessToken}`)).status);
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(30);
      expect(statuses.slice(30)).toEqual([429, 429]);
    } finally {
      await t.close();
    }
  });
});
