import { createMegicaiClient } from '../../../../libs/sdk/src';
import { createTestApp, registerUser, TestApp } from '../../test/test-app';

/** This spec's port (7600–7699 belong to this feature's specs). */
const PORT = 7603;

describe('the generated SDK against the live API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(PORT, '127.0.0.1');
  });
  afterAll(() => t.close());

  it('calls typed routes with a token or an API key, and exposes problems by code', async () => {
    const user = await registerUser(t);
    const baseUrl = `http://127.0.0.1:${PORT}`;
    const person = createMegicaiClient({ baseUrl, token: user.accessToken });
    const me = await person.GET('/api/v1/me');
    expect(me.data?.email).toBe(user.user.email);

    const created = await person.POST('/api/v1/api-keys', { body: { name: 'sdk' } });
    const integrator = createMegicaiClient({ baseUrl, apiKey: created.data?.key ?? '' });
    const run = await integrator.POST('/api/v1/tools/{id}/run', {
      params: { path: { id: 'chat' } },
      body: { input: { prompt: `Hello SDK ${user.user.id}` } },
    });
    expect(run.data).toMatchObject({ status: 'succeeded', cost: 1 });

    const missing = await integrator.GET('/api/v1/jobs/{id}', { params: { path: { id: 'nope' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ code: 'not_found' });
  });
});
