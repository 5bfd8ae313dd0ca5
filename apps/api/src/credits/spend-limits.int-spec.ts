import { randomUUID } from 'node:crypto';
import { bearer, createTestApp, registerUser, TestApp } from '../../test/test-app';
import { CreditsEvents, type LowBalanceEvent } from './credits-events';
import { CreditsReadService } from './credits-read.service';
import { CreditsService } from './credits.service';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Auth = Record<string, string>;

describe('Spending caps (/me/limits, API key caps, 402 spend_cap_reached)', () => {
  let t: TestApp;
  let credits: CreditsService;
  let read: CreditsReadService;
  const users: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    credits = t.app.get(CreditsService);
    read = t.app.get(CreditsReadService);
  });
  afterAll(async () => {
    // Whatever ran in parallel, every balance still equals its ledger and every hold moved money once.
    const report = await read.verify(users);
    expect(report.differences).toEqual([]);
    expect(report.holdIssues).toEqual([]);
    await t.close();
  });

  async function newUser(extraCredits = 0) {
    const u = await registerUser(t);
    users.push(u.user.id);
    if (extraCredits) await credits.grant({ userId: u.user.id, amount: extraCredits * 1000, kind: 'admin_adjustment' });
    return { id: u.user.id, auth: bearer(u.accessToken) };
  }

  const run = (auth: Auth, tool = 'chat', prompt = `question ${randomUUID()}`) =>
    t.http().post(`/api/v1/tools/${tool}/run`).set(auth).send({ input: { prompt } });
  const limits = async (auth: Auth) => (await t.http().get('/api/v1/me/limits').set(auth).expect(200)).body as Body;
  const setLimits = (auth: Auth, body: Body) => t.http().put('/api/v1/me/limits').set(auth).send(body);
  const createKey = async (auth: Auth, body: Body) =>
    (await t.http().post('/api/v1/api-keys').set(auth).send(body).expect(201)).body as Body;
  const keyAuth = (key: Body): Auth => ({ 'X-API-Key': key.key as string });

  it('stores caps and the alert (decimals at the edge), validates them, and refuses changes made with a key', async () => {
    const u = await newUser();
    expect(await limits(u.auth)).toMatchObject({
      dailyCreditCap: null,
      monthlyCreditCap: null,
      lowBalanceAlert: null,
      spentToday: 0,
      spentThisMonth: 0,
      balance: 5,
      lowBalance: false,
    });
    const set = await setLimits(u.auth, { dailyCreditCap: 2.5, monthlyCreditCap: 40, lowBalanceAlert: 6 }).expect(200);
    expect(set.body).toMatchObject({ dailyCreditCap: 2.5, monthlyCreditCap: 40, lowBalanceAlert: 6, lowBalance: true });
    expect(Date.parse(set.body.dailyResetsAt as string)).toBeGreaterThan(Date.now());
    // Omitted stays, null removes.
    const partial = await setLimits(u.auth, { monthlyCreditCap: null }).expect(200);
    expect(partial.body).toMatchObject({ dailyCreditCap: 2.5, monthlyCreditCap: null, lowBalanceAlert: 6 });

    // Exponent notation too (class-validator's maxDecimalPlaces threw on it: a 500 found by the fuzz spec).
    const exponents = [{ dailyCreditCap: 1e-7 }, { monthlyCreditCap: -7e-323 }, { lowBalanceAlert: 1.5e-5 }];
    for (const bad of [
      { dailyCreditCap: 1.2345 },
      { dailyCreditCap: -1 },
      { dailyCreditCap: 'ten' },
      { other: 1 },
      ...exponents,
    ]) {
      const res = await setLimits(u.auth, bad).expect(400);
      expect(res.body.code).toBe('validation_failed');
    }
    const key = await createKey(u.auth, { name: 'limits reader' });
    expect((await t.http().get('/api/v1/me/limits').set(keyAuth(key)).expect(200)).body.dailyCreditCap).toBe(2.5);
    const byKey = await setLimits(keyAuth(key), { dailyCreditCap: null }).expect(403);
    expect(byKey.body.code).toBe('api_key_scope');
  });

  it('lets exactly 7 of 50 parallel runs through a daily cap that covers 7', async () => {
    const u = await newUser(20);
    await setLimits(u.auth, { dailyCreditCap: 7 }).expect(200);
    const answers = await Promise.all(Array.from({ length: 50 }, () => run(u.auth)));
    const ok = answers.filter((r) => r.status === 200);
    const refused = answers.filter((r) => r.status === 402);
    expect(ok).toHaveLength(7);
    expect(refused).toHaveLength(43);
    for (const r of refused) {
      expect(r.body).toMatchObject({ code: 'spend_cap_reached', scope: 'daily', cap: 7, spent: 7, needed: 1 });
      expect(Date.parse(r.body.resetsAt as string)).toBeGreaterThan(Date.now());
      expect(r.body.alternatives).toEqual([]); // nothing is left to spend today
    }
    expect(await limits(u.auth)).toMatchObject({ spentToday: 7, spentThisMonth: 7, balance: 18 });
  });

  it('stops runs at the monthly cap, which resets on the 1st of next month (UTC)', async () => {
    const u = await newUser(10);
    await setLimits(u.auth, { monthlyCreditCap: 3 }).expect(200);
    for (let i = 0; i < 3; i++) await run(u.auth).expect(200);
    const refused = await run(u.auth).expect(402);
    const now = new Date();
    expect(refused.body).toMatchObject({
      code: 'spend_cap_reached',
      scope: 'monthly',
      cap: 3,
      spent: 3,
      resetsAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString(),
    });
    // Raising the cap lets runs through again.
    await setLimits(u.auth, { monthlyCreditCap: 4 }).expect(200);
    await run(u.auth).expect(200);
  });

  it("stops a key at its own daily cap, but not the user's other keys nor signed-in runs", async () => {
    const u = await newUser(10);
    const capped = await createKey(u.auth, { name: 'capped', dailyCreditCap: 2 });
    const free = await createKey(u.auth, { name: 'uncapped' });
    await run(keyAuth(capped)).expect(200);
    await run(keyAuth(capped)).expect(200);
    const refused = await run(keyAuth(capped)).expect(402);
    expect(refused.body).toMatchObject({ code: 'spend_cap_reached', scope: 'key', cap: 2, spent: 2 });
    await run(keyAuth(free)).expect(200);
    await run(u.auth).expect(200);

    const list = (await t.http().get('/api/v1/api-keys').set(u.auth).expect(200)).body as Body[];
    expect(list.find((k) => k.id === capped.id)).toMatchObject({ dailyCreditCap: 2, spentToday: 2 });
    expect(list.find((k) => k.id === free.id)).toMatchObject({ dailyCreditCap: null, spentToday: 1 });
    expect(await limits(u.auth)).toMatchObject({ spentToday: 4 });
  });

  it('gives the spend back to the day and the key when a run is refunded', async () => {
    const u = await newUser(20);
    const key = await createKey(u.auth, { name: 'media', dailyCreditCap: 5 });
    // No worker runs in this spec: the image job stays queued until it is canceled (a full refund).
    const queued = await run(keyAuth(key), 'image', 'a lighthouse at dusk').expect(202);
    expect((await limits(u.auth)).spentToday).toBe(5);
    await run(keyAuth(key)).expect(402);
    await t
      .http()
      .post(`/api/v1/jobs/${queued.body.jobId as string}/cancel`)
      .set(u.auth)
      .expect(200);
    expect(await limits(u.auth)).toMatchObject({ spentToday: 0, spentThisMonth: 0, balance: 25 });
    const list = (await t.http().get('/api/v1/api-keys').set(u.auth).expect(200)).body as Body[];
    expect(list.find((k) => k.id === key.id)?.spentToday).toBe(0);
    await run(keyAuth(key)).expect(200);
  });

  it('lists cheaper tools of the same kind that still fit, on both kinds of 402', async () => {
    const u = await newUser();
    await setLimits(u.auth, { dailyCreditCap: 1.5 }).expect(200);
    await run(u.auth).expect(200);
    const capped = await run(u.auth).expect(402);
    expect(capped.body.code).toBe('spend_cap_reached');
    expect(capped.body.alternatives).toEqual([{ toolId: expect.any(String), name: 'Summarize', cost: 0.5 }]);
    await run(u.auth, 'summarize').expect(200);

    // Now the balance: 5 - 1 - 0.5 = 3.5; spend it down to 0.5 and ask for a 1-credit run.
    await setLimits(u.auth, { dailyCreditCap: null }).expect(200);
    for (let i = 0; i < 3; i++) await run(u.auth).expect(200);
    const poor = await run(u.auth).expect(402);
    expect(poor.body).toMatchObject({ code: 'insufficient_credits', needed: 1, balance: 0.5 });
    expect(poor.body.adOffer).toMatchObject({ tier: expect.any(String) });
    expect(poor.body.alternatives).toEqual([{ toolId: expect.any(String), name: 'Summarize', cost: 0.5 }]);
  });

  it('flags a low balance and tells the low-balance hook once when a run crosses the alert level', async () => {
    const u = await newUser();
    const seen: LowBalanceEvent[] = [];
    const stop = t.app.get(CreditsEvents).onLowBalance((e) => {
      if (e.userId === u.id) seen.push(e);
    });
    try {
      await setLimits(u.auth, { lowBalanceAlert: 3.5 }).expect(200);
      await run(u.auth).expect(200); // 5 → 4
      expect((await limits(u.auth)).lowBalance).toBe(false);
      await run(u.auth).expect(200); // 4 → 3: crosses
      await run(u.auth).expect(200); // 3 → 2: already below
      await new Promise((r) => setImmediate(r));
      expect(seen).toEqual([{ userId: u.id, balance: 2000 + 1000, threshold: 3500 }]);
      expect((await limits(u.auth)).lowBalance).toBe(true);
    } finally {
      stop();
    }
  });
  it('caps template runs like any other run', async () => {
    const creator = await newUser();
    const created = await t
      .http()
      .post('/api/v1/marketplace/prompts')
      .set(creator.auth)
      .send({ title: 'Capped', description: 'for caps', toolId: 'chat', template: 'Tell me about {{thing}}' })
      .expect(201);
    const id = created.body.id as string;
    await t.http().post(`/api/v1/marketplace/prompts/${id}/publish`).set(creator.auth).expect(200);
    const u = await newUser();
    await setLimits(u.auth, { dailyCreditCap: 1 }).expect(200);
    const runTemplate = () =>
      t
        .http()
        .post('/api/v1/tools/chat/run')
        .set(u.auth)
        .send({ input: { prompt: 'x' }, templateId: id, variables: { thing: `owls ${randomUUID()}` } });
    await runTemplate().expect(200);
    const refused = await runTemplate().expect(402);
    expect(refused.body).toMatchObject({ code: 'spend_cap_reached', scope: 'daily', cap: 1, spent: 1 });
  });
});
