import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreditsReadService } from '../credits/credits-read.service';
import { bearer, createTestApp, registerUser, TestApp, uniqueEmail } from '../../test/test-app';

const randomAddress = () => `198.51.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 250)}`;

/** Referral farming: one code, many fresh accounts, one short ad each — the caps hold, even in parallel. */
describe('Referral caps (integration)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: '1',
      REFERRAL_BONUS_CREDITS: '10',
      REFERRAL_DAILY_CAP: '3',
      REFERRAL_MONTHLY_CAP: '100',
      REFERRAL_ADDRESS_DAILY_CAP: '2',
      SIGNUP_BONUS_CREDITS: '0',
    });
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  /**
   * Registers with a referral code through a proxy that appended `address` (the client may add more on the left),
   * and marks the email verified (the bonus also needs a verified email; the accounts spec covers the mail itself).
   */
  async function invite(code: string, forwardedFor: string) {
    const res = await t
      .http()
      .post('/api/v1/auth/register')
      .set('X-Forwarded-For', forwardedFor)
      .send({ email: uniqueEmail('sock'), password: 'correct horse battery', referralCode: code })
      .expect(201);
    await db.query(`UPDATE users SET email_verified = true WHERE id = $1`, [res.body.user.id]);
    return res.body as { user: { id: string }; accessToken: string };
  }

  /** Starts a text ad and moves its start back as if it had played (no sleeping in tests). */
  async function watchedSession(token: string): Promise<string> {
    const res = await t.http().post('/api/v1/ads/sessions').set(bearer(token)).send({ tier: 'text' }).expect(201);
    const id = res.body.sessionId as string;
    await db.query(
      `UPDATE ad_sessions SET started_at = started_at - make_interval(secs => required_seconds) WHERE id = $1`,
      [id],
    );
    return id;
  }

  const bonuses = async (userId: string) =>
    Number(
      (
        await db.query(`SELECT count(*) AS n FROM credit_ledger WHERE user_id = $1 AND kind = 'referral_bonus'`, [
          userId,
        ])
      )[0].n,
    );

  it('pays at most REFERRAL_DAILY_CAP bonuses per referrer per day under parallel first-ad completions', async () => {
    const referrer = await registerUser(t);
    const socks = [];
    for (let i = 0; i < 8; i++) socks.push(await invite(referrer.user.referralCode, randomAddress()));
    const sessions = await Promise.all(socks.map((s) => watchedSession(s.accessToken)));
    const results = await Promise.all(
      socks.map((s, i) =>
        t.http().post(`/api/v1/ads/sessions/${sessions[i]}/complete`).set(bearer(s.accessToken)).send(),
      ),
    );
    // Every ad itself is paid; only the referral bonus is capped.
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(await bonuses(referrer.user.id)).toBe(3);
    const paidSocks = await Promise.all(socks.map((s) => bonuses(s.user.id)));
    expect(paidSocks.reduce((a, b) => a + b, 0)).toBe(3);
    const view = (await t.http().get('/api/v1/referrals').set(bearer(referrer.accessToken)).expect(200)).body;
    expect(view).toMatchObject({ invited: 8, bonusEarned: 30 });
    // A capped sign-up stays capped: a later ad of that user does not pay it.
    const capped = socks[paidSocks.indexOf(0)];
    const again = await watchedSession(capped.accessToken);
    await t.http().post(`/api/v1/ads/sessions/${again}/complete`).set(bearer(capped.accessToken)).send().expect(200);
    expect(await bonuses(referrer.user.id)).toBe(3);
    const ids = [referrer.user.id, ...socks.map((s) => s.user.id)];
    expect((await t.app.get(CreditsReadService).verify(ids)).ok).toBe(true);
  });

  it('pays at most REFERRAL_ADDRESS_DAILY_CAP bonuses for sign-ups from one address, and ignores a spoofed X-Forwarded-For', async () => {
    const referrers = await Promise.all([0, 1, 2, 3].map(() => registerUser(t)));
    const proxySaw = randomAddress();
    // Each sock puppet writes a different address into X-Forwarded-For; our one proxy hop appends the real one.
    const socks = [];
    for (const [i, r] of referrers.entries()) {
      socks.push(await invite(r.user.referralCode, `203.0.113.${10 + i}, ${proxySaw}`));
    }
    const rows: { signup_address: string }[] = await db.query(
      `SELECT signup_address FROM referral_signups WHERE invited_id = ANY($1::uuid[])`,
      [socks.map((s) => s.user.id)],
    );
    expect(rows.map((r) => r.signup_address)).toEqual(Array(4).fill(proxySaw));
    const sessions = await Promise.all(socks.map((s) => watchedSession(s.accessToken)));
    await Promise.all(
      socks.map((s, i) =>
        t.http().post(`/api/v1/ads/sessions/${sessions[i]}/complete`).set(bearer(s.accessToken)).send().expect(200),
      ),
    );
    const paid = await Promise.all(referrers.map((r) => bonuses(r.user.id)));
    expect(paid.reduce((a, b) => a + b, 0)).toBe(2);
  });
});
