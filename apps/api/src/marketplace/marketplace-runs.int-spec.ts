import { DataSource } from 'typeorm';
import type { PromptTemplateView } from '@megicai/contracts';
import { bearer, createTestApp, registerUser, TestApp } from '../../test/test-app';
import { JobSettlementService } from '../jobs/job-settlement.service';
import { SYSTEM_CREATOR_ID } from './system-creator';

type Auth = Awaited<ReturnType<typeof registerUser>>;

/** Runs through templates over the real HTTP flow (POST /tools/:id/run), with the jobs module settling them. */
describe('Marketplace runs (integration)', () => {
  let t: TestApp;
  let db: DataSource;

  const template = async (creator: Auth, toolId: string, text: string): Promise<PromptTemplateView> => {
    const created = await t
      .http()
      .post('/api/v1/marketplace/prompts')
      .set(bearer(creator.accessToken))
      .send({ title: 'Run me', description: 'for runs', toolId, template: text })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/marketplace/prompts/${created.body.id as string}/publish`)
      .set(bearer(creator.accessToken))
      .expect(200);
    return created.body as PromptTemplateView;
  };
  const entries = (userId: string, kind: string): Promise<{ delta: string; reference_id: string }[]> =>
    db.query(`SELECT delta, reference_id FROM credit_ledger WHERE user_id = $1 AND kind = $2 ORDER BY created_at`, [
      userId,
      kind,
    ]);
  const balance = async (auth: Auth) =>
    (await t.http().get('/api/v1/me').set(bearer(auth.accessToken)).expect(200)).body.balance as number;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it("pays the creator exactly 2% of another user's run, in the run's settlement, once", async () => {
    const [creator, runner] = await Promise.all([registerUser(t), registerUser(t)]);
    const tpl = await template(creator, 'chat', 'Explain {{topic}} to a child ({{nonce}})');
    const res = await t
      .http()
      .post('/api/v1/tools/chat/run')
      .set(bearer(runner.accessToken))
      .send({
        input: { prompt: 'ignored' },
        templateId: tpl.id,
        variables: { topic: '{{nonce}} tides', nonce: runner.user.id },
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'succeeded', cost: 1, cached: false });
    const jobId = res.body.jobId as string;

    expect(await entries(creator.user.id, 'creator_earning')).toEqual([{ delta: '20', reference_id: jobId }]);
    expect(await balance(creator)).toBe(5.02);
    expect(await balance(runner)).toBe(4);
    const [run] = await db.query(
      `SELECT version, cost_milli, earning_milli, runner_id FROM prompt_runs WHERE job_id = $1`,
      [jobId],
    );
    expect(run).toEqual({ version: 1, cost_milli: '1000', earning_milli: '20', runner_id: runner.user.id });
    // the job records the template it ran
    const job = await t.http().get(`/api/v1/jobs/${jobId}`).set(bearer(runner.accessToken)).expect(200);
    expect(job.body.templateId).toBe(tpl.id);

    // The same prompt again is a free cache hit: no second earning.
    const again = await t
      .http()
      .post('/api/v1/tools/chat/run')
      .set(bearer(runner.accessToken))
      .send({
        input: { prompt: 'ignored' },
        templateId: tpl.id,
        variables: { topic: '{{nonce}} tides', nonce: runner.user.id },
      });
    expect(again.body).toMatchObject({ cost: 0, cached: true });
    expect(await entries(creator.user.id, 'creator_earning')).toHaveLength(1);

    const earnings = await t.http().get('/api/v1/marketplace/earnings').set(bearer(creator.accessToken)).expect(200);
    expect(earnings.body.total).toBe(0.02);
  });

  it('ships example templates by a system creator: readable signed out, runnable, earning nothing', async () => {
    const list = await t.http().get('/api/v1/marketplace/prompts?q=meeting%20action%20items').expect(200);
    const example = (list.body.items as PromptTemplateView[]).find((p) => p.creator.id === SYSTEM_CREATOR_ID);
    expect(example).toMatchObject({ title: 'Meeting notes to action items', status: 'published' });
    await t.http().get(`/api/v1/marketplace/prompts/${example!.id}`).expect(200);
    const runner = await registerUser(t);
    const res = await t
      .http()
      .post('/api/v1/tools/summarize/run')
      .set(bearer(runner.accessToken))
      .send({
        input: { prompt: 'ignored' },
        templateId: example!.id,
        variables: { notes: `Ship it (${runner.user.id})` },
      })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'succeeded', cached: false });
    expect(await entries(SYSTEM_CREATOR_ID, 'creator_earning')).toEqual([]);
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM prompt_runs WHERE job_id = $1`, [
      res.body.jobId,
    ]);
    expect(count).toBe(1);
    // Nobody can sign in as it.
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'system@megicai.invalid', password: 'anything-at-all' })
      .expect(401);
  });

  it('pays nothing when creators run their own template', async () => {
    const creator = await registerUser(t);
    const tpl = await template(creator, 'chat', 'Tell me about {{thing}}');
    await t
      .http()
      .post('/api/v1/tools/chat/run')
      .set(bearer(creator.accessToken))
      .send({ input: { prompt: 'x' }, templateId: tpl.id, variables: { thing: `owls ${creator.user.id}` } })
      .expect(200);
    expect(await entries(creator.user.id, 'creator_earning')).toEqual([]);
    expect(await balance(creator)).toBe(4);
  });

  it('answers 400 naming a missing variable and 404 for a draft of someone else, charging nothing', async () => {
    const [creator, runner] = await Promise.all([registerUser(t), registerUser(t)]);
    const tpl = await template(creator, 'chat', 'Tell me about {{thing}}');
    const missing = await t
      .http()
      .post('/api/v1/tools/chat/run')
      .set(bearer(runner.accessToken))
      .send({ input: { prompt: 'x' }, templateId: tpl.id, variables: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'variables.thing', message: 'missing variable "thing"' }]);
    const draft = await t
      .http()
      .post('/api/v1/marketplace/prompts')
      .set(bearer(creator.accessToken))
      .send({ title: 'Draft', description: '', toolId: 'chat', template: 'secret {{x}}' })
      .expect(201);
    await t
      .http()
      .post('/api/v1/tools/chat/run')
      .set(bearer(runner.accessToken))
      .send({ input: { prompt: 'x' }, templateId: draft.body.id, variables: { x: 'y' } })
      .expect(404);
    await t
      .http()
      .post('/api/v1/tools/image/run')
      .set(bearer(runner.accessToken))
      .send({ input: { prompt: 'x' }, templateId: tpl.id, variables: { thing: 'y' } })
      .expect(400);
    expect(await balance(runner)).toBe(5);
  });

  it('pays nothing for a queued run that fails or is canceled: the runner is refunded in full', async () => {
    const [creator, runner] = await Promise.all([registerUser(t), registerUser(t)]);
    const tpl = await template(creator, 'image', 'A watercolor of {{subject}}');
    const settlement = t.app.get(JobSettlementService);

    const queued = await t
      .http()
      .post('/api/v1/tools/image/run')
      .set(bearer(runner.accessToken))
      .send({ input: { prompt: 'x' }, templateId: tpl.id, variables: { subject: `a fox ${runner.user.id}` } });
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ status: 'queued', cost: 5 });
    expect(await settlement.fail(queued.body.jobId as string, 'the provider gave up')).toBe(true);

    const again = await t
      .http()
      .post('/api/v1/tools/image/run')
      .set(bearer(runner.accessToken))
      .send({ input: { prompt: 'x' }, templateId: tpl.id, variables: { subject: `a cat ${runner.user.id}` } });
    expect(again.status).toBe(202);
    await t
      .http()
      .post(`/api/v1/jobs/${again.body.jobId as string}/cancel`)
      .set(bearer(runner.accessToken))
      .expect(200);

    expect(await entries(creator.user.id, 'creator_earning')).toEqual([]);
    expect(await db.query(`SELECT 1 FROM prompt_runs WHERE template_id = $1`, [tpl.id])).toEqual([]);
    expect(await balance(runner)).toBe(5);
    expect(await balance(creator)).toBe(5);
  });
});
