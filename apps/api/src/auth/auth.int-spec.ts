import type { AuthResponse } from '@megicai/contracts';
import { bearer, createTestApp, registerUser, TestApp, TEST_PASSWORD, uniqueEmail } from '../../test/test-app';

describe('Auth (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('POST /auth/register', () => {
    it('creates the account, answers 201 with the user and a token pair, and credits the signup bonus', async () => {
      const email = uniqueEmail('ada');
      const res = await t
        .http()
        .post('/api/v1/auth/register')
        .send({ email, password: TEST_PASSWORD, displayName: 'Ada' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        user: {
          id: expect.any(String),
          email,
          emailVerified: false,
          displayName: 'Ada',
          role: 'user',
          balance: 5,
          premiumUntil: null,
          referralCode: expect.stringMatching(/^[2-9A-Z]{8}$/),
          createdAt: expect.any(String),
        },
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
      });
    });

    it('trims and lower-cases the email, so the same email in other case is a 409', async () => {
      const email = uniqueEmail('case');
      await t
        .http()
        .post('/api/v1/auth/register')
        .send({ email: `  ${email.toUpperCase()} `, password: TEST_PASSWORD })
        .expect(201);
      const res = await t
        .http()
        .post('/api/v1/auth/register')
        .send({ email: email.replace(/^./, (c) => c.toUpperCase()), password: TEST_PASSWORD });
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        status: 409,
        title: 'Conflict',
        type: expect.any(String),
        detail: expect.any(String),
      });
    });

    it('refuses a short password and unknown fields with 400 and field errors', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/register')
        .send({ email: 'not-an-email', password: 'short', role: 'admin', balance: 1e6 });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'role', 'balance']));
    });

    it('refuses an unknown referral code with 400 and creates nothing', async () => {
      const email = uniqueEmail('ref');
      const res = await t
        .http()
        .post('/api/v1/auth/register')
        .send({ email, password: TEST_PASSWORD, referralCode: 'ZZZZZZZZ' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'referralCode', message: 'unknown referral code' }]);
      await t.http().post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(401);
    });

    it('accepts a known referral code', async () => {
      const referrer = await registerUser(t);
      await registerUser(t, { referralCode: referrer.user.referralCode.toLowerCase() });
    });

    it('answers malformed JSON with a 400 problem, not a 500', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/register')
        .set('Content-Type', 'application/json')
        .send('{"email": "a@b.c",');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400, detail: 'The request body is not valid JSON.' });
    });
  });

  describe('POST /auth/login', () => {
    it('logs in with the right pair', async () => {
      const u = await registerUser(t);
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: u.user.email.toUpperCase(), password: u.password })
        .expect(200);
      expect(res.body).toMatchObject({
        user: { id: u.user.id, balance: 5 },
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
      });
    });

    it('gives the same 401 for a wrong password and an unknown email', async () => {
      const u = await registerUser(t);
      const wrong = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: u.user.email, password: 'wrong password!' });
      const unknown = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: uniqueEmail('nobody'), password: 'wrong password!' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
      expect(strip(wrong.body)).toEqual(strip(unknown.body));
    });
  });

  describe('refresh and logout', () => {
    it('rotates the refresh token; a reused one is refused and revokes the whole family', async () => {
      const u = await registerUser(t);
      const first = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: u.refreshToken }).expect(200);
      expect(first.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String) });
      expect(first.body.refreshToken).not.toBe(u.refreshToken);

      const reuse = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: u.refreshToken });
      expect(reuse.status).toBe(401);
      // The legitimate newer token is revoked too: the family is gone.
      await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
    });

    it('logout answers 204 and the refresh token stops working', async () => {
      const u = await registerUser(t);
      await t.http().post('/api/v1/auth/logout').send({ refreshToken: u.refreshToken }).expect(204);
      await t.http().post('/api/v1/auth/refresh').send({ refreshToken: u.refreshToken }).expect(401);
    });
  });

  describe('GET /me', () => {
    it('answers every field of the contract', async () => {
      const u = await registerUser(t, { displayName: 'Grace' });
      const res = await t.http().get('/api/v1/me').set(bearer(u.accessToken)).expect(200);
      expect(res.body).toEqual(u.user);
    });

    it('refuses a missing or forged token with a 401 problem', async () => {
      const none = await t.http().get('/api/v1/me');
      expect(none.status).toBe(401);
      expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
      await t.http().get('/api/v1/me').set(bearer('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.')).expect(401);
    });
  });

  describe('API keys', () => {
    let owner: AuthResponse;
    beforeAll(async () => {
      owner = await registerUser(t);
    });

    it('creates a key shown once, lists it without the secret, authenticates with it, and revokes it', async () => {
      const created = await t
        .http()
        .post('/api/v1/api-keys')
        .set(bearer(owner.accessToken))
        .send({ name: 'ci' })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'ci',
        key: expect.stringMatching(/^mgk_[a-z0-9]{8}_/),
      });

      const list = await t.http().get('/api/v1/api-keys').set(bearer(owner.accessToken)).expect(200);
      expect(list.body).toEqual([
        expect.objectContaining({ id: created.body.id, name: 'ci', prefix: created.body.key.slice(0, 12) }),
      ]);
      expect(JSON.stringify(list.body)).not.toContain(created.body.key);

      const me = await t.http().get('/api/v1/me').set('X-API-Key', created.body.key).expect(200);
      expect(me.body.id).toBe(owner.user.id);

      await t.http().delete(`/api/v1/api-keys/${created.body.id}`).set(bearer(owner.accessToken)).expect(204);
      await t.http().get('/api/v1/me').set('X-API-Key', created.body.key).expect(401);
    });

    it('never lets an API key reach /admin, even an admin’s', async () => {
      const admin = (
        await t
          .http()
          .post('/api/v1/auth/login')
          .send({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD })
          .expect(200)
      ).body as AuthResponse;
      await t.http().get('/api/v1/admin/users').set(bearer(admin.accessToken)).expect(200);
      const key = await t
        .http()
        .post('/api/v1/api-keys')
        .set(bearer(admin.accessToken))
        .send({ name: 'admin key' })
        .expect(201);
      const res = await t.http().get('/api/v1/admin/users').set('X-API-Key', key.body.key);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('keeps ordinary users out of /admin', async () => {
      await t.http().get('/api/v1/admin/users').set(bearer(owner.accessToken)).expect(403);
    });

    it('answers 404 for another user’s key', async () => {
      const other = await registerUser(t);
      const created = await t
        .http()
        .post('/api/v1/api-keys')
        .set(bearer(owner.accessToken))
        .send({ name: 'mine' })
        .expect(201);
      await t.http().delete(`/api/v1/api-keys/${created.body.id}`).set(bearer(other.accessToken)).expect(404);
    });
  });
});
