import { bearer, registerUser } from '../../test/test-app';
import { createMailTestApp, type MailTestApp } from '../../test/mail-test-app';
import { tokenFrom } from '../../test/smtp-inbox';
import { CreditsReadService } from '../credits/credits-read.service';

describe('Accounts: verification mail and the referral bonus (integration, real SMTP server)', () => {
  let t: MailTestApp;

  beforeAll(async () => {
    t = await createMailTestApp(7350, { REFERRAL_BONUS_CREDITS: '10' });
  });
  afterAll(() => t.close());

  const me = async (token: string) => (await t.http().get('/api/v1/me').set(bearer(token)).expect(200)).body;
  const verificationToken = async (email: string) =>
    tokenFrom(await t.inbox.waitFor(email, /Confirm your email/), '/verify-email');
  const ledgerKinds = async (token: string): Promise<string[]> =>
    (await t.http().get('/api/v1/credits/ledger').set(bearer(token)).expect(200)).body.items.map(
      (e: { kind: string }) => e.kind,
    );
  const watchAd = async (token: string) => {
    const session = (await t.post('/ads/sessions', { tier: 'text' }, token).expect(201)).body;
    await t.db.query(
      `UPDATE ad_sessions SET started_at = started_at - make_interval(secs => required_seconds) WHERE id = $1`,
      [session.sessionId],
    );
    await t.post(`/ads/sessions/${session.sessionId}/complete`, {}, token).expect(200);
  };

  describe('email verification', () => {
    it('mails a link at registration; following it verifies the address, once', async () => {
      const u = await registerUser(t);
      expect(u.user.emailVerified).toBe(false);
      const mail = await t.inbox.waitFor(u.user.email, /Confirm your email/);
      expect(mail.html).toContain('http://megicai.test/verify-email?token=');
      const token = tokenFrom(mail, '/verify-email');
      await t.post('/auth/email/verify', { token }).expect(204);
      expect((await me(u.accessToken)).emailVerified).toBe(true);
      const again = await t.post('/auth/email/verify', { token }).expect(400);
      expect(again.body).toMatchObject({ status: 400, code: 'invalid_token' });
    });

    it('resends at most once a minute (429 with Retry-After), then mails a new link', async () => {
      const u = await registerUser(t);
      await verificationToken(u.user.email);
      const early = await t.post('/auth/email/resend', {}, u.accessToken).expect(429);
      expect(early.body.code).toBe('rate_limited');
      expect(Number(early.headers['retry-after'])).toBeGreaterThan(0);
      await t.db.query(`UPDATE account_tokens SET created_at = created_at - interval '2 minutes' WHERE user_id = $1`, [
        u.user.id,
      ]);
      await t.post('/auth/email/resend', {}, u.accessToken).expect(202);
      const second = await t.inbox.waitFor(u.user.email, /Confirm your email/, 10_000, 2);
      await t.post('/auth/email/verify', { token: tokenFrom(second, '/verify-email') }).expect(204);
      // Verified: a resend is accepted and does nothing.
      await t.post('/auth/email/resend', {}, u.accessToken).expect(202);
      await t.post('/auth/email/resend', {}).expect(401);
    });
  });

  describe('referral bonus: verified email AND first ad, paid by whichever comes last, once', () => {
    it('ad first, then verification pays it', async () => {
      const referrer = await registerUser(t);
      const invited = await registerUser(t, { referralCode: referrer.user.referralCode });
      await watchAd(invited.accessToken);
      expect(await ledgerKinds(invited.accessToken)).not.toContain('referral_bonus');
      await t.post('/auth/email/verify', { token: await verificationToken(invited.user.email) }).expect(204);
      expect((await ledgerKinds(invited.accessToken)).filter((k) => k === 'referral_bonus')).toHaveLength(1);
      expect((await ledgerKinds(referrer.accessToken)).filter((k) => k === 'referral_bonus')).toHaveLength(1);
      expect((await t.app.get(CreditsReadService).verify([referrer.user.id, invited.user.id])).ok).toBe(true);
    });

    it('verification first, then the first ad pays it; an unverified invitee never gets it', async () => {
      const referrer = await registerUser(t);
      const verified = await registerUser(t, { referralCode: referrer.user.referralCode });
      const unverified = await registerUser(t, { referralCode: referrer.user.referralCode });
      await t.post('/auth/email/verify', { token: await verificationToken(verified.user.email) }).expect(204);
      expect(await ledgerKinds(verified.accessToken)).not.toContain('referral_bonus');
      await watchAd(verified.accessToken);
      await watchAd(unverified.accessToken);
      expect(await ledgerKinds(verified.accessToken)).toContain('referral_bonus');
      expect(await ledgerKinds(unverified.accessToken)).not.toContain('referral_bonus');
      expect((await ledgerKinds(referrer.accessToken)).filter((k) => k === 'referral_bonus')).toHaveLength(1);
    });
  });
});
