import { createHmac, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import type { AdSessionView } from '@megicai/contracts';
import { bearer, createTestApp, registerUser, TestApp } from '../../../test/test-app';
import { CreditsReadService } from '../../credits/credits-read.service';

/** Keys made here: the tests play AdMob (ECDSA P-256) and an HMAC network. */
const admobKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const otherKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const KEY_ID = '3335741209';
const HMAC_SECRET = 'test-hmac-secret';

function admobQuery(params: Record<string, string>, key = admobKey.privateKey, keyId = KEY_ID): string {
  // AdMob order: the signed content, then signature and key_id last.
  const message = new URLSearchParams({
    ad_network: '5450213213286189855',
    ad_unit: '1234567890',
    reward_amount: '1',
    reward_item: 'credits',
    timestamp: String(Date.now()),
    ...params,
  }).toString();
  const signature = sign('sha256', Buffer.from(message), key).toString('base64url');
  return `${message}&signature=${signature}&key_id=${keyId}`;
}

function hmacQuery(params: Record<string, string>, secret = HMAC_SECRET): string {
  const message = new URLSearchParams({ timestamp: String(Date.now()), ...params }).toString();
  return `${message}&signature=${createHmac('sha256', secret).update(message).digest('hex')}`;
}

describe('Ad network callbacks (integration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      ADS_ADMOB_KEYS_JSON: JSON.stringify({
        keys: [{ keyId: Number(KEY_ID), pem: admobKey.publicKey.export({ type: 'spki', format: 'pem' }) }],
      }),
      ADS_HMAC_SECRET: HMAC_SECRET,
      ADS_GAM_AD_UNIT_PATH: '/1234567/megicai_rewarded',
    });
  });
  afterAll(() => t.close());

  async function session(): Promise<{ token: string; userId: string; s: AdSessionView }> {
    const u = await registerUser(t);
    const s = (
      await t.http().post('/api/v1/ads/sessions').set(bearer(u.accessToken)).send({ tier: 'text' }).expect(201)
    ).body;
    return { token: u.accessToken, userId: u.user.id, s };
  }
  const balance = async (token: string) =>
    (await t.http().get('/api/v1/credits').set(bearer(token)).expect(200)).body.balance as number;
  const callback = (network: string, query: string) => t.http().get(`/api/v1/ads/callbacks/${network}?${query}`);

  it('grants once for a verified AdMob SSV callback; a replay (even in parallel) grants nothing more', async () => {
    const { token, userId, s } = await session();
    const query = admobQuery({ transaction_id: randomUUID(), user_id: userId, custom_data: s.sessionId });
    const results = await Promise.all(Array.from({ length: 5 }, () => callback('admob', query)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.filter((r) => r.body.granted > 0)).toHaveLength(1);
    expect(results.filter((r) => r.body.duplicate)).toHaveLength(4);
    expect(await balance(token)).toBe(5 + s.credits);
    expect((await callback('admob', query)).body).toEqual({ granted: 0, duplicate: true });
    // The SPA cannot claim it a second time either.
    expect((await t.http().post(`/api/v1/ads/sessions/${s.sessionId}/complete`).set(bearer(token))).status).toBe(409);
    expect((await t.app.get(CreditsReadService).verify([userId])).ok).toBe(true);
  });

  it('refuses a forged, tampered or unsigned callback with 403 and grants nothing', async () => {
    const { token, userId, s } = await session();
    const params = { transaction_id: randomUUID(), user_id: userId, custom_data: s.sessionId };
    const forged = admobQuery(params, otherKey.privateKey);
    expect((await callback('admob', forged)).status).toBe(403);
    const tampered = admobQuery(params).replace('reward_amount=1', 'reward_amount=9');
    expect((await callback('admob', tampered)).status).toBe(403);
    expect((await callback('admob', admobQuery(params, admobKey.privateKey, '42'))).status).toBe(403);
    expect((await callback('admob', new URLSearchParams(params).toString())).status).toBe(403);
    const garbage = `${new URLSearchParams(params).toString()}&signature=AAAA&key_id=${KEY_ID}`;
    expect((await callback('admob', garbage)).status).toBe(403);
    expect((await callback('hmac', hmacQuery(params, 'wrong-secret'))).status).toBe(403);
    expect(await balance(token)).toBe(5);
  });

  it('grants once for a verified HMAC callback', async () => {
    const { token, userId, s } = await session();
    const query = hmacQuery({ transaction_id: randomUUID(), user_id: userId, custom_data: s.sessionId });
    expect((await callback('hmac', query)).body).toEqual({ granted: s.credits, duplicate: false });
    expect((await callback('hmac', query)).body).toEqual({ granted: 0, duplicate: true });
    expect(await balance(token)).toBe(5 + s.credits);
  });

  it("answers 404 for an unknown network or someone else's session, 400 when parameters are missing", async () => {
    const a = await session();
    const b = await session();
    expect((await callback('nope', hmacQuery({ transaction_id: 'x' }))).status).toBe(404);
    expect(
      (
        await callback(
          'hmac',
          hmacQuery({ transaction_id: randomUUID(), user_id: b.userId, custom_data: a.s.sessionId }),
        )
      ).status,
    ).toBe(404);
    expect((await callback('hmac', hmacQuery({ user_id: a.userId, custom_data: a.s.sessionId }))).status).toBe(400);
    expect(await balance(a.token)).toBe(5);
  });

  it('issues Google Ad Manager sessions when asked and configured; the server clock still applies', async () => {
    const u = await registerUser(t);
    const res = await t
      .http()
      .post('/api/v1/ads/sessions')
      .set(bearer(u.accessToken))
      .send({ tier: 'text', network: 'google-ad-manager' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      network: 'google-ad-manager',
      creative: { network: 'google-ad-manager', adUnitPath: '/1234567/megicai_rewarded' },
    });
    expect(
      (await t.http().post(`/api/v1/ads/sessions/${res.body.sessionId}/complete`).set(bearer(u.accessToken))).status,
    ).toBe(425);
  });
});
