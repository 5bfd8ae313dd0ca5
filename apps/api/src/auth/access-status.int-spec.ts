import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bearer, createTestApp, loginAdmin, registerUser, TestApp } from '../../test/test-app';
import { until } from '../../test/processes';

/**
 * Role and ban come from the database on every request (cached a few seconds per process), never from the access
 * token: two apps stand for two API processes sharing the database and Redis.
 */
describe('Role and ban from the database, across processes', () => {
  let one: TestApp;
  let two: TestApp;

  beforeAll(async () => {
    one = await createTestApp();
    // A cache that would outlive the test: only the invalidation message can make this process see a change.
    two = await createTestApp({ AUTH_STATUS_CACHE_MS: '60000' });
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  it('a demoted admin is refused with 403 on the very next request, in every process', async () => {
    const root = await loginAdmin(one);
    const other = await registerUser(one);
    await one
      .http()
      .patch(`/api/v1/admin/users/${other.user.id}`)
      .set(bearer(root.accessToken))
      .send({ role: 'admin' })
      .expect(200);
    // The token issued before the promotion says `user`: the role is taken from the database, not the token.
    await two.http().get('/api/v1/admin/users').set(bearer(other.accessToken)).expect(200);
    await one.http().get('/api/v1/admin/users').set(bearer(other.accessToken)).expect(200);

    await one
      .http()
      .patch(`/api/v1/admin/users/${other.user.id}`)
      .set(bearer(root.accessToken))
      .send({ role: 'user' })
      .expect(200);
    const grant = (t: TestApp) =>
      t
        .http()
        .post(`/api/v1/admin/users/${other.user.id}/credits`)
        .set(bearer(other.accessToken))
        .set('Idempotency-Key', randomUUID())
        .send({ delta: 1000, reason: 'self-service' });
    expect((await grant(one)).status).toBe(403);
    // The other process heard of it over Redis (its own cache would have kept the admin role for a minute).
    await until(async () => (await grant(two)).status === 403, 2000, 'the other process to drop the admin role');
    const [granted] = await one.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM credit_ledger WHERE user_id = $1 AND kind = 'admin_adjustment'`, [
        other.user.id,
      ]);
    expect(granted.n).toBe(0);
  });

  it('a ban ends the access tokens at once in every process', async () => {
    const root = await loginAdmin(one);
    const u = await registerUser(one);
    await two.http().get('/api/v1/me').set(bearer(u.accessToken)).expect(200); // cached as allowed for a minute
    await one
      .http()
      .patch(`/api/v1/admin/users/${u.user.id}`)
      .set(bearer(root.accessToken))
      .send({ banned: true })
      .expect(200);
    expect((await one.http().get('/api/v1/me').set(bearer(u.accessToken))).status).toBe(401);
    await until(
      async () => (await two.http().get('/api/v1/me').set(bearer(u.accessToken))).status === 401,
      2000,
      'the other process to see the ban',
    );
  });
});
