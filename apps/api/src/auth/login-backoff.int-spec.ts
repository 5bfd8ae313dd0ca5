import { randomBytes } from 'node:crypto';
import { UsersService } from '../users/users.service';
import { PasswordService } from './password.service';
import { createTestApp, registerUser, TestApp, TEST_PASSWORD } from '../../test/test-app';

const address = () => `203.0.113.${1 + (randomBytes(1)[0] % 250)}`;

/** Password guessing is slowed per email and per address, while the owner on a known device logs in at once. */
describe('Login backoff (integration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-lb${randomBytes(3).toString('hex')}`,
      TRUST_PROXY: '1',
      LOGIN_FREE_FAILURES: '5',
      LOGIN_ADDRESS_FREE_FAILURES: '8',
      LOGIN_BACKOFF_BASE_SECONDS: '30',
      LOGIN_BACKOFF_MAX_SECONDS: '900',
    });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, from: string, cookie?: string) => {
    const req = t.http().post('/api/v1/auth/login').set('X-Forwarded-For', from);
    if (cookie) req.set('Cookie', cookie);
    return req.send({ email, password });
  };

  it('after ten wrong passwords from many addresses, the owner on a known device still logs in', async () => {
    const owner = await registerUser(t);
    const home = address();
    const first = await login(owner.user.email, TEST_PASSWORD, home).expect(200);
    const cookie = String(first.headers['set-cookie']).split(';')[0];
    expect(first.headers['set-cookie']).toEqual([expect.stringMatching(/HttpOnly; SameSite=Strict/)]);

    const statuses: number[] = [];
    const retryAfter: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await login(owner.user.email, 'wrong password', `198.51.100.${10 + i}`);
      statuses.push(res.status);
      if (res.status === 429) retryAfter.push(Number(res.headers['retry-after']));
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    expect(retryAfter.every((s) => s > 0 && s <= 30)).toBe(true);
    // Even the right password waits on an unknown device and address: the attacker may have guessed it.
    await login(owner.user.email, TEST_PASSWORD, address()).expect(429);

    // The owner: device cookie from anywhere, or the address they logged in from before.
    await login(owner.user.email, TEST_PASSWORD, address(), cookie).expect(200);
    await login(owner.user.email, TEST_PASSWORD, home).expect(200);
  });

  it('grows the wait exponentially per email, and a parallel burst cannot slip past the count', async () => {
    const victim = await registerUser(t);
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(victim.user.email, 'wrong password', `192.0.2.${20 + i}`)),
    );
    const codes = burst.map((r) => r.status).sort();
    expect(codes.filter((s) => s === 401)).toHaveLength(5);
    expect(codes.filter((s) => s === 429)).toHaveLength(15);
    expect(burst.filter((r) => r.status === 429).every((r) => r.body.code === 'rate_limited')).toBe(true);
  });

  it('backs off per address across emails, and a forged device cookie counts for nothing', async () => {
    const attacker = address();
    const target = await registerUser(t);
    const forged = `megicai_device=${target.user.id}.${'A'.repeat(43)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await login(`nobody-${i}@example.test`, 'wrong password', attacker, forged)).status);
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses.slice(8)).toEqual([429, 429]);
    await login(target.user.email, TEST_PASSWORD, attacker, forged).expect(429);
  });

  it('lets the owner in after a new password even without a known device (a fresh count per password)', async () => {
    const owner = await registerUser(t);
    for (let i = 0; i < 6; i++) await login(owner.user.email, 'wrong password', `198.18.0.${i + 1}`);
    await login(owner.user.email, TEST_PASSWORD, address()).expect(429);
    // A reset (or change) gives the account a new password hash: the backoff keyed on the old one is gone. Set as
    // the reset flow does, through UsersService (the reset route belongs to the accounts feature).
    const passwordHash = await t.app.get(PasswordService).hash('a brand new password');
    await t.app.get(UsersService).update(owner.user.id, { passwordHash });
    await login(owner.user.email, 'a brand new password', address()).expect(200);
  });
});
