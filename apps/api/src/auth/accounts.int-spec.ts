import { DataSource } from 'typeorm';
import { bearer, createTestApp, registerUser, TestApp } from '../../test/test-app';
import { SmtpInbox, startSmtpInbox, tokenFrom } from '../../test/smtp-inbox';
import { CreditsReadService } from '../credits/credits-read.service';

/** A fresh client address per call: rate limits are per address, and some checks compare two first requests. */
const address = () => `10.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}`;

describe('Accounts: verification mail and the referral bonus (integration, real SMTP server)', () => {
  let t: TestApp;
  let inbox: SmtpInbox;
  let db: DataSource;

  beforeAll(async () => {
    inbox = await startSmtpInbox(7350 + Number(process.env.JEST_WORKER_ID ?? 1));
    t = await createTestApp({
      SMTP_URL: inbox.url,
      PUBLIC_URL: 'http://megicai.test',
      TRUST_PROXY: 'true',
      REFERRAL_BONUS_CREDITS: '10',
    });
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  const post = (path: string, body: object, token?: string) => {
    const req = t.http().post(`/api/v1${path}`).set('X-Forwarded-For', address());
    return (token ? req.set(bearer(token)) : req).send(body);
  };
  const me = async (token: string) => (await t.http().get('/api/v1/me').set(bearer(token)).expect(200)).body;
  const verificationToken = async (email: string) =>
    tokenFrom(await inbox.waitFor(email, /Confirm your email/), '/verify-email');
  const ledgerKinds = async (token: string): Promise<string[]> =>
    (await t.http().get('/api/v1/credits/ledger').set(bearer(token)).expect(200)).body.items.map(
      (e: { kind: string }) => e.kind,
    );
  const watchAd = async (token: string) => {
    const session = (await post('/ads/sessions', { tier: 'text' }, token).expect(201)).body;
    await db.query(
      `UPDATE ad_sessions SET started_at = started_at - make_interval(secs => required_seconds) WHERE id = $1`,
      [session.sessionId],
    );
    await post(`/ads/sessions/${session.sessionId}/complete`, {}, token).expect(200);
  };

  describe('email verification', () => {
    it('mails a link at registration; following it verifies the address, once', async () => {
      const u = await registerUser(t);
      expect(u.user.emailVerified).toBe(false);
      const mail = await inbox.waitFor(u.user.email, /Confirm your email/);
      expect(mail.html).toContain('http://megicai.test/verify-email?token=');
      const token = tokenFrom(mail, '/verify-email');
      await post('/auth/email/verify', { token }).expect(204);
      expect((await me(u.accessToken)).emailVerified).toBe(true);
      const again = await post('/auth/email/verify', { token }).expect(400);
      expect(again.body).toMatchObject({ status: 400, code: 'invalid_token' });
    });

    it('resends at most once a minute (429 with Retry-After), then mails a new link', async () => {
      const u = await registerUser(t);
      await verificationToken(u.user.email);
      const early = await post('/auth/email/resend', {}, u.accessToken).expect(429);
      expect(early.body.code).toBe('rate_limited');
      expect(Number(early.headers['retry-after'])).toBeGreaterThan(0);
      await db.query(`UPDATE account_tokens SET created_at = created_at - interval '2 minutes' WHERE user_id = $1`, [
        u.user.id,
      ]);
      await post('/auth/email/resend', {}, u.accessToken).expect(202);
      const second = await inbox.waitFor(u.user.email, /Confirm your email/, 10_000, 2);
      await post('/auth/email/verify', { token: tokenFrom(second, '/verify-email') }).expect(204);
      // Verified: a resend is accepted and does nothing.
      await post('/auth/email/resend', {}, u.accessToken).expect(202);
      await post('/auth/email/resend', {}).expect(401);
    });
  });

  describe('referral bonus: verified email AND first ad, paid by whichever comes last, once', () => {
    it('ad first, then verification pays it', async () => {
      const referrer = await registerUser(t);
      const invited = await registerUser(t, { referralCode: referrer.user.referralCode });
      await watchAd(invited.accessToken);
      expect(await ledgerKinds(invited.accessToken)).not.toContain('referral_bonus');
      await post('/auth/email/verify', { token: await verificationToken(invited.user.email) }).expect(204);
      expect((await ledgerKinds(invited.accessToken)).filter((k) => k === 'referral_bonus')).toHaveLength(1);
      expect((await ledgerKinds(referrer.accessToken)).filter((k) => k === 'referral_bonus')).toHaveLength(1);
      expect((await t.app.get(CreditsReadService).verify([referrer.user.id, invited.user.id])).ok).toBe(true);
    });

    it('verification first, then the first ad pays it; an unverified invitee never gets it', async () => {
      const referrer = await registerUser(t);
      const verified = await registerUser(t, { referralCode: referrer.user.referralCode });
      const unverified = await registerUser(t, { referralCode: referrer.user.referralCode });
      await post('/auth/email/verify', { token: await verificationToken(verified.user.email) }).expect(204);
      expect(await ledgerKinds(verified.accessToken)).not.toContain('referral_bonus');
      await watchAd(verified.accessToken);
      await watchAd(unverified.accessToken);
      expect(await ledgerKinds(verified.accessToken)).toContain('referral_bonus');
      expect(await ledgerKinds(unverified.accessToken)).not.toContain('referral_bonus');
      expect((await ledgerKinds(referrer.accessToken)).filter((k) => k === 'referral_bonus')).toHaveLength(1);
    });
  });
});
