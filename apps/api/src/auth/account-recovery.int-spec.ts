import { bearer, registerUser, TEST_PASSWORD, uniqueEmail } from '../../test/test-app';
import { createMailTestApp, type MailTestApp } from '../../test/mail-test-app';
import { tokenFrom } from '../../test/smtp-inbox';
import { CreditsReadService } from '../credits/credits-read.service';

const NEW_PASSWORD = 'a brand new passphrase';

describe('Accounts: password reset, password change, export, erasure (integration, real SMTP server)', () => {
  let t: MailTestApp;

  beforeAll(async () => {
    t = await createMailTestApp(7360);
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) => t.post('/auth/login', { email, password });
  const resetToken = async (email: string, nth = 1) =>
    tokenFrom(await t.inbox.waitFor(email, /Reset your password/, 10_000, nth), '/reset-password');

  describe('password reset', () => {
    it('works end to end from the received mail, once, and kills every old session', async () => {
      const u = await registerUser(t);
      const other = (await login(u.user.email, TEST_PASSWORD).expect(200)).body;
      await t.post('/auth/password/forgot', { email: u.user.email.toUpperCase() }).expect(202);
      const mail = await t.inbox.waitFor(u.user.email, /Reset your password/);
      expect(mail.html).toContain('http://megicai.test/reset-password?token=');
      const token = tokenFrom(mail, '/reset-password');

      await t.post('/auth/password/reset', { token, password: NEW_PASSWORD }).expect(204);
      for (const refreshToken of [u.refreshToken, other.refreshToken]) {
        await t.post('/auth/refresh', { refreshToken }).expect(401);
      }
      await login(u.user.email, TEST_PASSWORD).expect(401);
      await login(u.user.email, NEW_PASSWORD).expect(200);
      await t.inbox.waitFor(u.user.email, /password was changed/);

      const reused = await t.post('/auth/password/reset', { token, password: 'yet another password' }).expect(400);
      expect(reused.body).toMatchObject({ status: 400, code: 'invalid_token' });
      await login(u.user.email, NEW_PASSWORD).expect(200);
    });

    it('refuses an expired, unknown or verification token with 400 invalid_token, and a short password', async () => {
      const u = await registerUser(t);
      await t.post('/auth/password/forgot', { email: u.user.email }).expect(202);
      const token = await resetToken(u.user.email);
      await t.db.query(`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
        u.user.id,
      ]);
      const expired = await t.post('/auth/password/reset', { token, password: NEW_PASSWORD }).expect(400);
      expect(expired.body.code).toBe('invalid_token');
      const unknown = await t.post('/auth/password/reset', { token: 'x'.repeat(43), password: NEW_PASSWORD });
      expect(unknown.body.code).toBe('invalid_token');
      const verifyLink = tokenFrom(await t.inbox.waitFor(u.user.email, /Confirm your email/), '/verify-email');
      const wrongKind = await t.post('/auth/password/reset', { token: verifyLink, password: NEW_PASSWORD }).expect(400);
      expect(wrongKind.body.code).toBe('invalid_token');
      const short = await t.post('/auth/password/reset', { token, password: 'short' }).expect(400);
      expect(short.body.code).toBe('validation_failed');
      await login(u.user.email, TEST_PASSWORD).expect(200);
    });

    it('answers an unknown email exactly like a known one (status, body, headers) and mails nothing', async () => {
      // An address no request used yet this minute, like the unknown one (registering counts in the per-email limit).
      const u = await registerUser(t);
      const knownEmail = uniqueEmail('known');
      await t.db.query(`UPDATE users SET email = $2 WHERE id = $1`, [u.user.id, knownEmail]);
      const unknownEmail = uniqueEmail('nobody');
      const known = await t.post('/auth/password/forgot', { email: knownEmail });
      const unknown = await t.post('/auth/password/forgot', { email: unknownEmail });
      const comparable = (headers: Record<string, string>) => {
        const { date: _date, 'x-request-id': _id, ...rest } = headers;
        return rest;
      };
      expect(unknown.status).toBe(202);
      expect(unknown.status).toBe(known.status);
      expect(unknown.text).toBe(known.text);
      expect(comparable(unknown.headers)).toEqual(comparable(known.headers));
      await t.inbox.waitFor(knownEmail, /Reset your password/);
      await new Promise((r) => setTimeout(r, 300));
      expect(t.inbox.mails.some((m) => JSON.stringify(m.to).includes(unknownEmail))).toBe(false);
    });
  });

  describe('the signed-in account', () => {
    it('changes the password with the current one; other sessions end, this one stays', async () => {
      const u = await registerUser(t);
      const other = (await login(u.user.email, TEST_PASSWORD).expect(200)).body;
      const wrong = await t.post(
        '/me/password',
        { currentPassword: 'not my password', newPassword: NEW_PASSWORD },
        u.accessToken,
      );
      expect(wrong.status).toBe(400);
      expect(wrong.body.code).toBe('wrong_password');
      await t
        .post('/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, u.accessToken)
        .expect(204);
      await t.post('/auth/refresh', { refreshToken: other.refreshToken }).expect(401);
      await t.post('/auth/refresh', { refreshToken: u.refreshToken }).expect(200);
      await login(u.user.email, NEW_PASSWORD).expect(200);
      await t.inbox.waitFor(u.user.email, /password was changed/);
    });

    it('signs out the other sessions on request', async () => {
      const u = await registerUser(t);
      const other = (await login(u.user.email, TEST_PASSWORD).expect(200)).body;
      await t.post('/me/sessions/sign-out-others', {}, u.accessToken).expect(204);
      await t.post('/auth/refresh', { refreshToken: other.refreshToken }).expect(401);
      await t.post('/auth/refresh', { refreshToken: u.refreshToken }).expect(200);
    });

    it('updates the display name (PATCH /me) and refuses unknown fields', async () => {
      const u = await registerUser(t);
      const res = await t.http().patch('/api/v1/me').set(bearer(u.accessToken)).send({ displayName: '  Grace ' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: u.user.id, displayName: 'Grace', email: u.user.email });
      const bad = await t
        .http()
        .patch('/api/v1/me')
        .set(bearer(u.accessToken))
        .send({ displayName: 'G', role: 'admin' });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('validation_failed');
    });

    it('exports everything held about the caller, then erases it: login fails, the ledger still adds up', async () => {
      const u = await registerUser(t, { displayName: 'Erin' });
      const prompt = `My secret plan ${u.user.id}`;
      await t.post('/tools/chat/run', { input: { prompt } }, u.accessToken).expect(200);
      const exported = (await t.http().get('/api/v1/me/export').set(bearer(u.accessToken)).expect(200)).body;
      expect(exported.profile).toMatchObject({ id: u.user.id, email: u.user.email, displayName: 'Erin', balance: 4 });
      expect(exported.ledger.map((e: { kind: string }) => e.kind)).toEqual(['signup_bonus', 'tool_spend']);
      expect(exported.jobs).toEqual([expect.objectContaining({ prompt, status: 'succeeded' })]);
      for (const section of ['templates', 'ratings', 'apiKeys', 'limits', 'adSessions', 'checkouts', 'sessions']) {
        expect(Array.isArray(exported[section])).toBe(true);
      }

      const wrong = await t.http().delete('/api/v1/me').set(bearer(u.accessToken)).send({ password: 'not it at all' });
      expect(wrong.body.code).toBe('wrong_password');
      await t.http().delete('/api/v1/me').set(bearer(u.accessToken)).send({ password: TEST_PASSWORD }).expect(204);

      await login(u.user.email, TEST_PASSWORD).expect(401);
      await t.http().get('/api/v1/me').set(bearer(u.accessToken)).expect(401);
      await t.post('/auth/refresh', { refreshToken: u.refreshToken }).expect(401);
      const [row] = await t.db.query(`SELECT email, display_name, deleted_at FROM users WHERE id = $1`, [u.user.id]);
      expect(row).toMatchObject({ email: `deleted-${u.user.id}@deleted.invalid`, display_name: 'Deleted user' });
      expect(row.deleted_at).not.toBeNull();
      const jobs = await t.db.query(`SELECT prompt, output FROM jobs WHERE user_id = $1`, [u.user.id]);
      expect(jobs).toEqual([{ prompt: '', output: null }]);
      const ledger = await t.db.query(`SELECT count(*)::int AS n FROM credit_ledger WHERE user_id = $1`, [u.user.id]);
      expect(ledger[0].n).toBe(2);
      expect((await t.app.get(CreditsReadService).verify([u.user.id])).ok).toBe(true);
      // The address is free again for a new account.
      await registerUser(t, { email: u.user.email });
    });
  });
});
