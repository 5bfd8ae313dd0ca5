import { bearer, createTestApp, registerUser, TestApp } from '../../../test/test-app';
import { CreditsService } from '../../credits/credits.service';

/** Every problem answer carries its stable `code`, whatever raised it: a feature, a guard, the framework. */
describe('Problem codes (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const expectProblem = (res: { status: number; headers: Record<string, string>; body: unknown }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return res.body as Record<string, unknown>;
  };

  it('answers an unknown route with not_found', async () => {
    const res = await t.http().get('/api/v1/no-such-thing');
    expect(expectProblem(res, 404)).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('answers malformed JSON with invalid_json and an unknown field with validation_failed', async () => {
    const malformed = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.c", ');
    expect(expectProblem(malformed, 400)).toMatchObject({ code: 'invalid_json' });
    const unknown = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'someone@example.com', password: 'long enough', role: 'admin' });
    expect(expectProblem(unknown, 400)).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'role', message: 'role is not an accepted field' }],
    });
  });

  it('answers missing auth with unauthorized and a wrong password with invalid_credentials', async () => {
    expect(expectProblem(await t.http().get('/api/v1/me'), 401)).toMatchObject({ code: 'unauthorized' });
    const u = await registerUser(t);
    const wrong = await t.http().post('/api/v1/auth/login').send({ email: u.user.email, password: 'not the password' });
    expect(expectProblem(wrong, 401)).toMatchObject({ code: 'invalid_credentials' });
  });

  it('answers a run the balance cannot pay with 402 insufficient_credits, extensions kept on an idempotent replay', async () => {
    const u = await registerUser(t);
    const credits = t.app.get(CreditsService);
    const balance = await credits.balanceOf(u.user.id);
    if (balance > 0)
      await credits.spend({ userId: u.user.id, amount: balance, kind: 'admin_adjustment', note: 'drain' });
    const run = () =>
      t
        .http()
        .post('/api/v1/tools/chat/run')
        .set(bearer(u.accessToken))
        .set('Idempotency-Key', `broke-${u.user.id}`)
        .send({ input: { prompt: 'no credits left' } });
    const first = expectProblem(await run(), 402);
    expect(first).toMatchObject({ status: 402, code: 'insufficient_credits', needed: 1, balance: 0 });
    expect(first).toHaveProperty('adOffer');
    const replay = await run();
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const { instance: _a, ...again } = expectProblem(replay, 402);
    const { instance: _b, ...firstWithoutInstance } = first;
    expect(again).toEqual(firstWithoutInstance);
  });

  it('answers a second daily reward on the same day with already_claimed', async () => {
    const u = await registerUser(t);
    await t.http().post('/api/v1/credits/daily-reward').set(bearer(u.accessToken)).expect(201);
    const again = await t.http().post('/api/v1/credits/daily-reward').set(bearer(u.accessToken));
    expect(expectProblem(again, 409)).toMatchObject({ code: 'already_claimed', nextClaimAt: expect.any(String) });
  });
});
