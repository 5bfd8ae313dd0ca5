import { DataSource } from 'typeorm';
import { CreditsService } from '../credits/credits.service';
import { bearer, createTestApp, registerUser, TestApp } from '../../test/test-app';

/**
 * The per-user limit of media jobs in progress is a gate of the accept statement itself (no worker runs here, so
 * accepted jobs stay queued): parallel submits cannot slip past it, and a refused one moves no credit.
 */
describe('Media jobs in progress per user', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ MAX_ACTIVE_MEDIA_JOBS: '3' });
  });
  afterAll(() => t.close());

  it('30 parallel submits: exactly 3 accepted and charged once each, 27 refused with 429 and nothing moved', async () => {
    const u = await registerUser(t);
    const db = t.app.get(DataSource);
    await t.app.get(CreditsService).grant({ userId: u.user.id, amount: 100_000, kind: 'admin_adjustment' });
    const [{ balance: before }] = await db.query(`SELECT balance::int FROM credit_accounts WHERE user_id = $1`, [
      u.user.id,
    ]);

    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        t
          .http()
          .post('/api/v1/tools/image/run')
          .set(bearer(u.accessToken))
          .send({ input: { prompt: `limit ${n} ${u.user.id}` }, cache: false }),
      ),
    );
    const accepted = answers.filter((r) => r.status === 202);
    const refused = answers.filter((r) => r.status === 429);
    expect(accepted).toHaveLength(3);
    expect(refused).toHaveLength(27);
    for (const r of refused) {
      expect(r.body).toMatchObject({ code: 'rate_limited' });
      expect(r.headers['retry-after']).toBeDefined();
    }

    const [{ jobs }] = await db.query(`SELECT count(*)::int AS jobs FROM jobs WHERE user_id = $1 AND kind = 'image'`, [
      u.user.id,
    ]);
    expect(jobs).toBe(3);
    const [{ balance, sum }] = await db.query(
      `SELECT a.balance::int, (SELECT sum(delta)::int FROM credit_ledger l WHERE l.user_id = a.user_id) AS sum
         FROM credit_accounts a WHERE a.user_id = $1`,
      [u.user.id],
    );
    const cost = (before - balance) / 3;
    expect(cost).toBeGreaterThan(0);
    expect(balance).toBe(sum);
    const holds = await db.query(`SELECT count(*)::int AS n FROM credit_holds WHERE user_id = $1`, [u.user.id]);
    expect(holds).toEqual([{ n: 3 }]);

    // One of them canceled: a slot is free again, for one more.
    await t
      .http()
      .post(`/api/v1/jobs/${accepted[0].body.jobId as string}/cancel`)
      .set(bearer(u.accessToken))
      .expect(200);
    const again = (prompt: string) =>
      t
        .http()
        .post('/api/v1/tools/image/run')
        .set(bearer(u.accessToken))
        .send({ input: { prompt: `${prompt} ${u.user.id}` } });
    expect((await again('one more')).status).toBe(202);
    expect((await again('one too many')).status).toBe(429);
  });

  it('an API key refused by the limit keeps its daily spend untouched', async () => {
    const u = await registerUser(t);
    await t.app.get(CreditsService).grant({ userId: u.user.id, amount: 100_000, kind: 'admin_adjustment' });
    const key = await t
      .http()
      .post('/api/v1/api-keys')
      .set(bearer(u.accessToken))
      .send({ name: 'media key', dailyCreditCap: 1000 })
      .expect(201);
    const run = (n: number) =>
      t
        .http()
        .post('/api/v1/tools/image/run')
        .set('X-API-Key', key.body.key as string)
        .send({ input: { prompt: `key ${n} ${u.user.id}` } });
    for (let n = 0; n < 3; n += 1) expect((await run(n)).status).toBe(202);
    const spent = await keySpent(t, key.body.id as string);
    expect((await run(3)).status).toBe(429);
    expect(await keySpent(t, key.body.id as string)).toBe(spent);
  });
});

async function keySpent(t: TestApp, keyId: string): Promise<number> {
  const [row] = await t.app
    .get(DataSource)
    .query(`SELECT spent::int FROM credit_key_spend WHERE api_key_id = $1`, [keyId]);
  return row?.spent ?? 0;
}
