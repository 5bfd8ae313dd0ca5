import type { PromptTemplateView } from '@megicai/contracts';
import { bearer, createTestApp, loginAdmin, registerUser, TestApp } from '../../test/test-app';
import { ToolsService } from '../tools/tools.service';
import type { AdminPromptDto } from './dto/prompt-report.dto';

type Auth = Awaited<ReturnType<typeof registerUser>>;

describe('Prompt reports (integration)', () => {
  let t: TestApp;
  let toolId: string;
  let creator: Auth;
  let reporter: Auth;

  const api = () => t.http();
  const create = async (auth: Auth) => {
    const res = await api()
      .post('/api/v1/marketplace/prompts')
      .set(bearer(auth.accessToken))
      .send({ title: 'Outline', description: 'An outline', toolId, template: 'Outline {{topic}}' });
    expect(res.status).toBe(201);
    return res.body as PromptTemplateView;
  };
  const published = async (auth: Auth) => {
    const tpl = await create(auth);
    await api().post(`/api/v1/marketplace/prompts/${tpl.id}/publish`).set(bearer(auth.accessToken)).expect(200);
    return tpl;
  };
  const report = (auth: Auth, id: string, body: Record<string, unknown>) =>
    api().post(`/api/v1/marketplace/prompts/${id}/reports`).set(bearer(auth.accessToken)).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    toolId = (await t.app.get(ToolsService).findById('summarize'))!.id;
    [creator, reporter] = await Promise.all([registerUser(t), registerUser(t)]);
  });
  afterAll(() => t.close());

  it('reports once (201), a second time is 409 already_reported; admins list it with its reports', async () => {
    const tpl = await published(creator);
    const first = await report(reporter, tpl.id, { reason: 'spam', detail: ' Ads everywhere ' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      reason: 'spam',
      detail: 'Ads everywhere',
      createdAt: expect.any(String),
    });

    const again = await report(reporter, tpl.id, { reason: 'abuse' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_reported');

    const admin = await loginAdmin(t);
    const list = await api().get('/api/v1/admin/prompts?status=reported&limit=100').set(bearer(admin.accessToken));
    expect(list.status).toBe(200);
    const found = (list.body.items as AdminPromptDto[]).find((i) => i.id === tpl.id);
    expect(found).toMatchObject({
      reportCount: 1,
      reports: [{ id: first.body.id, reason: 'spam', detail: 'Ads everywhere', reporterId: reporter.user.id }],
    });
    // Only reported templates are in that list.
    expect((list.body.items as AdminPromptDto[]).every((i) => (i.reportCount ?? 0) > 0)).toBe(true);
  });

  it('refuses the creator (403 own_template), drafts of others and missing templates (404), bad bodies (400)', async () => {
    const tpl = await published(creator);
    const own = await report(creator, tpl.id, { reason: 'spam' });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('own_template');

    const draft = await create(creator);
    const hidden = await report(reporter, draft.id, { reason: 'spam' });
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('not_found');
    expect((await report(reporter, '00000000-0000-4000-8000-000000000000', { reason: 'spam' })).status).toBe(404);
    expect((await report(reporter, 'nope', { reason: 'spam' })).status).toBe(404);

    const bad = await report(reporter, tpl.id, { reason: 'boring' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect((await report(reporter, tpl.id, { reason: 'spam', extra: 1 })).status).toBe(400);
  });

  it('keeps the admin list for admins (403 for a user)', async () => {
    const res = await api().get('/api/v1/admin/prompts?status=reported').set(bearer(reporter.accessToken));
    expect(res.status).toBe(403);
  });
});
