import { DataSource } from 'typeorm';
import type { JobView, LedgerEntryView, Page } from '@megicai/contracts';
import { bearer, createTestApp, loginAdmin, publishedTemplate, registerUser, TestApp } from '../../test/test-app';

type Auth = Awaited<ReturnType<typeof registerUser>>;

/** History that remembers (prompt, template, filters, ledger links) and offers that start later. */
describe('Job history and scheduled offers (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  let toolId: string;

  const run = (auth: Auth, prompt: string, extra: Record<string, unknown> = {}) =>
    t
      .http()
      .post(`/api/v1/tools/${toolId}/run`)
      .set(bearer(auth.accessToken))
      .send({ input: { prompt }, ...extra })
      .expect(200);
  const jobs = async (auth: Auth, query: Record<string, string> = {}) =>
    (await t.http().get('/api/v1/jobs').query(query).set(bearer(auth.accessToken)).expect(200)).body as Page<JobView>;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    admin = (await loginAdmin(t)).accessToken;
    // A tool of its own: other specs price the seeded ones in parallel.
    const [row] = await db.query(
      `INSERT INTO tools (slug, name, kind, credit_cost, providers, input_schema)
       VALUES ('history-' || substr(md5(random()::text), 1, 8), 'History', 'text', 1000, '{offline}',
               '{"type":"object","properties":{"prompt":{"type":"string","minLength":1}},"required":["prompt"]}')
       RETURNING id`,
    );
    toolId = row.id as string;
  });
  afterAll(() => t.close());

  it('an offer starting in the future does not change the price until it starts', async () => {
    const user = await registerUser(t);
    const startsAt = new Date(Date.now() + 3600_000).toISOString();
    const patched = await t
      .http()
      .patch(`/api/v1/admin/tools/${toolId}`)
      .set(bearer(admin))
      .send({ offerCost: 0.25, offerStartsAt: startsAt })
      .expect(200);
    // Not in force yet: the catalog shows no offer and a run pays the list price.
    expect(patched.body).toMatchObject({ creditCost: 1, offerCost: null, offerStartsAt: null });
    expect((await t.http().get(`/api/v1/tools/${toolId}`).expect(200)).body).toMatchObject({ offerCost: null });
    expect((await run(user, 'before the offer')).body).toMatchObject({ cost: 1 });

    // The start arrives (moved into the past by the admin rather than waiting an hour; the change reaches every
    // process's catalog cache): the next run pays the offer.
    await t
      .http()
      .patch(`/api/v1/admin/tools/${toolId}`)
      .set(bearer(admin))
      .send({ offerCost: 0.25, offerStartsAt: new Date(Date.now() - 1000).toISOString() })
      .expect(200);
    const tool = (await t.http().get(`/api/v1/tools/${toolId}`).expect(200)).body;
    expect(tool).toMatchObject({ offerCost: 0.25 });
    expect(Date.parse(tool.offerStartsAt as string)).toBeLessThanOrEqual(Date.now());
    expect((await run(user, 'during the offer')).body).toMatchObject({ cost: 0.25 });

    // A start after the end is refused; ending the offer clears its dates.
    await t
      .http()
      .patch(`/api/v1/admin/tools/${toolId}`)
      .set(bearer(admin))
      .send({ offerStartsAt: '2030-01-02T00:00:00Z', offerEndsAt: '2030-01-01T00:00:00Z' })
      .expect(400);
    await t.http().patch(`/api/v1/admin/tools/${toolId}`).set(bearer(admin)).send({ offerCost: null }).expect(200);
    const [dates] = await db.query(`SELECT offer_starts_at, offer_ends_at FROM tools WHERE id = $1`, [toolId]);
    expect(dates).toEqual({ offer_starts_at: null, offer_ends_at: null });
  });

  it('jobs show the prompt and input, filter by kind and status on the server, and paginate', async () => {
    const user = await registerUser(t);
    const first = (await run(user, 'remember the first prompt')).body.jobId as string;
    await run(user, 'remember the second prompt');
    await run(user, 'remember the third prompt');
    const [failed] = await db.query(
      `UPDATE jobs SET status = 'failed' WHERE id = $1 RETURNING id`, // a failed run, as history shows it
      [first],
    );
    expect(failed).toBeDefined();

    const all = await jobs(user);
    expect(all.items.map((j) => j.prompt)).toEqual([
      'remember the third prompt',
      'remember the second prompt',
      'remember the first prompt',
    ]);
    expect(all.items[0]).toMatchObject({
      kind: 'text',
      input: { prompt: 'remember the third prompt' },
      template: null,
    });

    expect((await jobs(user, { status: 'failed' })).items.map((j) => j.id)).toEqual([first]);
    expect((await jobs(user, { status: 'succeeded', kind: 'text' })).items).toHaveLength(2);
    expect((await jobs(user, { kind: 'image' })).items).toHaveLength(0);

    const page1 = await jobs(user, { status: 'succeeded', limit: '1' });
    expect(page1.items).toHaveLength(1);
    const page2 = await jobs(user, { status: 'succeeded', limit: '1', cursor: page1.nextCursor! });
    expect(page2.items[0].prompt).toBe('remember the second prompt');
    expect(page2.nextCursor).toBeNull();

    await t.http().get('/api/v1/jobs').query({ status: 'lost' }).set(bearer(user.accessToken)).expect(400);
    await t.http().get('/api/v1/jobs').query({ kind: 'smell' }).set(bearer(user.accessToken)).expect(400);
  });

  it('a template run remembers the template title and its variables; published templates are public', async () => {
    const creator = await registerUser(t);
    const runner = await registerUser(t);
    const templateId = await publishedTemplate(t, creator.accessToken, {
      title: 'Greeting',
      description: 'Says hello',
      toolId,
      template: 'Say hello to {{name}} in a {{tone}} tone.',
    });

    const res = await run(runner, '', { templateId, variables: { name: 'Ada', tone: 'formal' } });
    const job = (
      await t
        .http()
        .get(`/api/v1/jobs/${res.body.jobId as string}`)
        .set(bearer(runner.accessToken))
        .expect(200)
    ).body as JobView;
    expect(job.template).toEqual({ id: templateId, title: 'Greeting', variables: { name: 'Ada', tone: 'formal' } });
    expect(job.prompt).toBe('Say hello to Ada in a formal tone.');

    // Published templates are readable without an account; drafts stay hidden and running still needs one.
    const list = await t.http().get('/api/v1/marketplace/prompts').query({ toolId }).expect(200);
    expect((list.body as Page<{ id: string }>).items.map((x) => x.id)).toContain(templateId);
    await t.http().get(`/api/v1/marketplace/prompts/${templateId}`).expect(200);
    await t.http().get(`/api/v1/marketplace/prompts/${templateId}/ratings`).expect(200);
    const draft = await t
      .http()
      .post('/api/v1/marketplace/prompts')
      .set(bearer(creator.accessToken))
      .send({ title: 'Draft', description: 'not yet', toolId, template: 'Hi {{name}}' })
      .expect(201);
    await t
      .http()
      .get(`/api/v1/marketplace/prompts/${draft.body.id as string}`)
      .expect(404);
    await t
      .http()
      .get(`/api/v1/marketplace/prompts/${draft.body.id as string}`)
      .set(bearer(creator.accessToken))
      .expect(200);
    await t.http().get('/api/v1/marketplace/prompts').set(bearer('not-a-token')).expect(401);
    await t
      .http()
      .post(`/api/v1/tools/${toolId}/run`)
      .send({ input: { prompt: 'x' } })
      .expect(401);
  });

  it('the ledger links each spend and refund to its job; the summary knows the daily reward', async () => {
    const user = await registerUser(t);
    const jobId = (await run(user, 'a spend to link')).body.jobId as string;
    const ledger = (await t.http().get('/api/v1/credits/ledger').set(bearer(user.accessToken)).expect(200))
      .body as Page<LedgerEntryView>;
    const spend = ledger.items.find((e) => e.kind === 'tool_spend');
    expect(spend).toMatchObject({ jobId, reference: { type: 'job', id: jobId } });
    expect(ledger.items.filter((e) => e.kind !== 'tool_spend').every((e) => e.jobId === null)).toBe(true);

    const before = (await t.http().get('/api/v1/credits').set(bearer(user.accessToken)).expect(200)).body;
    expect(before.dailyRewardClaimedToday).toBe(false);
    expect(Date.parse(before.nextDailyRewardAt as string)).toBeLessThanOrEqual(Date.now() + 1000);
    await t.http().post('/api/v1/credits/daily-reward').set(bearer(user.accessToken)).expect(201);
    const after = (await t.http().get('/api/v1/credits').set(bearer(user.accessToken)).expect(200)).body;
    expect(after.dailyRewardClaimedToday).toBe(true);
    const next = new Date(after.nextDailyRewardAt as string);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getUTCHours()).toBe(0);
  });
});
