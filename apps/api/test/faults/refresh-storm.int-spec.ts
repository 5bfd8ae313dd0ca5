import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestApp, registerUser, TestApp } from '../test-app';
import { expectLedgerClean } from './ledger';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('Fault (c): parallel refreshes of one token with a pool of 4', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '4', DATABASE_LOCK_TIMEOUT_MS: '700' });
  });
  afterAll(() => t.close());

  it('50 parallel refreshes: exactly one 200, the family revoked, ready again within 1 s', async () => {
    const u = await registerUser(t);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => t.http().post('/api/v1/auth/refresh').send({ refreshToken: u.refreshToken })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // The others presented a spent token: reuse, never a 500 nor a hang.
    expect(statuses.filter((s) => s !== 200 && s !== 401)).toEqual([]);

    // The reuse rule revoked the whole family, the winner's new token included.
    const winner = answers.find((r) => r.status === 200)!.body as { refreshToken: string };
    expect((await t.http().post('/api/v1/auth/refresh').send({ refreshToken: winner.refreshToken })).status).toBe(401);
    const db = t.app.get(DataSource);
    const [family] = await db.query(`SELECT family_id FROM refresh_tokens WHERE token_hash = $1`, [
      sha256(u.refreshToken),
    ]);
    const [alive] = await db.query(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL`,
      [family.family_id],
    );
    expect(alive.n).toBe(0);

    const started = Date.now();
    await t.http().get('/api/health/ready').expect(200);
    expect(Date.now() - started).toBeLessThan(1000);
    await expectLedgerClean(db);
  }, 60_000);

  it('a row lock held elsewhere answers 503 + Retry-After after lock_timeout, and frees the pool', async () => {
    const u = await registerUser(t);
    const holder = new Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`, [sha256(u.refreshToken)]);
      const started = Date.now();
      const blocked = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: u.refreshToken });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(blocked.status).toBe(503);
      expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(blocked.body).toMatchObject({ code: 'service_unavailable' });
      expect(JSON.stringify(blocked.body)).not.toMatch(/lock|timeout|refresh_tokens/i);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }
    // The token was not spent by the request that gave up: it still works once.
    expect((await t.http().post('/api/v1/auth/refresh').send({ refreshToken: u.refreshToken })).status).toBe(200);
    await t.http().get('/api/health/ready').expect(200);
  }, 30_000);
});
