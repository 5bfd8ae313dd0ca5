import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { PromptTemplateView } from '@megicai/contracts';
import { bearer, createTestApp, loginAdmin, registerUser, TestApp } from '../../test/test-app';
import { toProblem } from '../common/errors/problem-details.filter';
import { ToolsService } from '../tools/tools.service';
import { UsersService } from '../users/users.service';
import { MarketplaceException } from './marketplace.exception';
import { MarketplaceService } from './marketplace.service';
import { PromptRatingsService } from './prompt-ratings.service';

type Auth = Awaited<ReturnType<typeof registerUser>>;

/** A word no other spec uses, so searches and ranking checks see only this spec's templates. */
const word = () =>
  `zq${randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 10)}`;

describe('Marketplace (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let market: MarketplaceService;
  let textToolId: string;
  let imageToolId: string;
  let creator: Auth;
  let runner: Auth;

  const api = () => t.http();
  const create = async (auth: Auth, body: Record<string, unknown> = {}) => {
    const res = await api()
      .post('/api/v1/marketplace/prompts')
      .set(bearer(auth.accessToken))
      .send({
        title: 'Outline',
        description: 'An outline for a post',
        toolId: textToolId,
        template: 'Outline {{topic}}',
        ...body,
      });
    expect(res.status).toBe(201);
    return res.body as PromptTemplateView;
  };
  const publish = async (auth: Auth, id: string) => {
    const res = await api().post(`/api/v1/marketplace/prompts/${id}/publish`).set(bearer(auth.accessToken));
    expect(res.status).toBe(200);
    return res.body as PromptTemplateView;
  };
  const ledger = (userId: string, kind: string) =>
    db.query(`SELECT delta, reference_type, reference_id FROM credit_ledger WHERE user_id = $1 AND kind = $2`, [
      userId,
      kind,
    ]);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    market = t.app.get(MarketplaceService);
    const tools = t.app.get(ToolsService);
    textToolId = (await tools.findById('summarize'))!.id;
    imageToolId = (await tools.findById('image'))!.id;
    [creator, runner] = await Promise.all([registerUser(t, { displayName: 'Creator' }), registerUser(t)]);
  });
  afterAll(() => t.close());

  describe('templates', () => {
    it('creates a draft with variables from the text, inline choices included, invisible to others (404)', async () => {
      const draft = await create(creator, {
        template: 'Write a {{tone:formal|casual}} note about {{topic}}',
        variables: [{ name: 'topic', label: 'Subject', maxLength: 40 }],
        tags: ['Writing', 'writing', ' notes '],
      });
      expect(draft).toMatchObject({
        status: 'draft',
        version: 1,
        toolId: textToolId,
        toolKind: 'text',
        creator: { id: creator.user.id, displayName: 'Creator' },
        ratingAvg: null,
        ratingCount: 0,
        uses: 0,
        tags: ['writing', 'notes'],
        template: 'Write a {{tone:formal|casual}} note about {{topic}}',
        variables: [
          { name: 'tone', label: 'Tone', default: null, choices: ['formal', 'casual'], maxLength: null },
          { name: 'topic', label: 'Subject', default: null, choices: null, maxLength: 40 },
        ],
      });
      await api().get(`/api/v1/marketplace/prompts/${draft.id}`).set(bearer(runner.accessToken)).expect(404);
      await api().get(`/api/v1/marketplace/prompts/${draft.id}`).set(bearer(creator.accessToken)).expect(200);
      await api()
        .patch(`/api/v1/marketplace/prompts/${draft.id}`)
        .set(bearer(runner.accessToken))
        .send({ title: 'x' })
        .expect(404);
      await expect(
        market.renderForRun(draft.id, { topic: 'x', tone: 'formal' }, textToolId, runner.user.id),
      ).rejects.toMatchObject({ code: 'not_found' });
    });

    it('refuses an unknown tool, a definition for a variable the text lacks, and unknown fields with 400', async () => {
      const bad = await api()
        .post('/api/v1/marketplace/prompts')
        .set(bearer(creator.accessToken))
        .send({ title: 'x', description: '', toolId: 'no-such-tool', template: 'a' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ field: 'toolId', message: 'unknown tool' }]);
      const undefinedVar = await api()
        .post('/api/v1/marketplace/prompts')
        .set(bearer(creator.accessToken))
        .send({ title: 'x', description: '', toolId: textToolId, template: 'a {{b}}', variables: [{ name: 'c' }] });
      expect(undefinedVar.status).toBe(400);
      expect(undefinedVar.body.detail).toContain('"c"');
      await api()
        .post('/api/v1/marketplace/prompts')
        .set(bearer(creator.accessToken))
        .send({ title: 'x', description: '', toolId: textToolId, template: 'a', status: 'published' })
        .expect(400);
    });

    it("others get 403 when editing or deleting a published template; the creator's edit adds a version", async () => {
      const tpl = await create(creator);
      const published = await publish(creator, tpl.id);
      expect(published).toMatchObject({ status: 'published', version: 1, publishedAt: expect.any(String) });
      const seen = await api().get(`/api/v1/marketplace/prompts/${tpl.id}`).set(bearer(runner.accessToken)).expect(200);
      expect(seen.body.template).toBeUndefined();
      await api()
        .patch(`/api/v1/marketplace/prompts/${tpl.id}`)
        .set(bearer(runner.accessToken))
        .send({ title: 'Mine now' })
        .expect(403);
      await api().delete(`/api/v1/marketplace/prompts/${tpl.id}`).set(bearer(runner.accessToken)).expect(403);

      const edited = await api()
        .patch(`/api/v1/marketplace/prompts/${tpl.id}`)
        .set(bearer(creator.accessToken))
        .send({ template: 'Outline {{topic}} in {{count}} points', variables: [{ name: 'count', default: '5' }] });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ version: 2, status: 'published' });
      const versions = await api()
        .get(`/api/v1/marketplace/prompts/${tpl.id}/versions`)
        .set(bearer(creator.accessToken))
        .expect(200);
      expect(versions.body.map((v: { version: number; template: string }) => [v.version, v.template])).toEqual([
        [2, 'Outline {{topic}} in {{count}} points'],
        [1, 'Outline {{topic}}'],
      ]);
      const same = await api()
        .patch(`/api/v1/marketplace/prompts/${tpl.id}`)
        .set(bearer(creator.accessToken))
        .send({ title: 'Outline' });
      expect(same.body.version).toBe(2);
      const rendered = await market.renderForRun(tpl.id, { topic: 'tea' }, textToolId, runner.user.id);
      expect(rendered).toEqual({
        prompt: 'Outline tea in 5 points',
        templateId: tpl.id,
        version: 2,
        creatorId: creator.user.id,
      });

      await api().delete(`/api/v1/marketplace/prompts/${tpl.id}`).set(bearer(creator.accessToken)).expect(204);
      await api().get(`/api/v1/marketplace/prompts/${tpl.id}`).set(bearer(creator.accessToken)).expect(404);
    });
  });

  describe('rendering', () => {
    it('renders a value containing {{other}} literally, in one pass', async () => {
      const tpl = await create(creator, { template: 'A={{a}} B={{b}}' });
      await publish(creator, tpl.id);
      const out = await market.renderForRun(
        tpl.id,
        { a: '{{b}}', b: '{{a}} and {{b:x|y}}' },
        textToolId,
        runner.user.id,
      );
      expect(out.prompt).toBe('A={{b}} B={{a}} and {{b:x|y}}');
    });

    it('answers 400 naming a missing, over-long or off-list variable, and refuses another tool', async () => {
      const tpl = await create(creator, {
        template: '{{topic}} in a {{tone:formal|casual}} tone',
        variables: [{ name: 'topic', maxLength: 5 }],
      });
      await publish(creator, tpl.id);
      const problem = async (vars: Record<string, string> | undefined, tool = textToolId) => {
        const error = await market.renderForRun(tpl.id, vars, tool, runner.user.id).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MarketplaceException);
        return toProblem(error).problem;
      };
      const missing = await problem({ tone: 'formal' });
      expect(missing).toMatchObject({
        status: 400,
        code: 'missing_variable',
        errors: [{ field: 'variables.topic', message: 'missing variable "topic"' }],
      });
      expect(missing.detail).toContain('topic');
      expect(await problem({ topic: 'too long', tone: 'formal' })).toMatchObject({
        status: 400,
        errors: [{ field: 'variables.topic' }],
      });
      expect(await problem({ topic: 'tea', tone: 'rude' })).toMatchObject({
        status: 400,
        errors: [{ field: 'variables.tone' }],
      });
      expect(await problem({ topic: 'tea', tone: 'formal' }, imageToolId)).toMatchObject({ status: 400 });
      // the same through the creator's preview endpoint
      const res = await api()
        .post(`/api/v1/marketplace/prompts/${tpl.id}/preview`)
        .set(bearer(creator.accessToken))
        .send({ variables: { tone: 'casual' } });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'variables.topic', message: 'missing variable "topic"' }]);
      const ok = await api()
        .post(`/api/v1/marketplace/prompts/${tpl.id}/preview`)
        .set(bearer(creator.accessToken))
        .send({ variables: { topic: 'tea', tone: 'casual' } });
      expect(ok.body).toEqual({ prompt: 'tea in a casual tone' });
    });
  });

  describe('paying the creator', () => {
    it('pays exactly 2% of the cost once, in the caller transaction, and records the run', async () => {
      const tpl = await create(creator);
      await publish(creator, tpl.id);
      const jobId = randomUUID();
      const run = {
        jobId,
        templateId: tpl.id,
        version: 1,
        creatorId: creator.user.id,
        runnerId: runner.user.id,
        costMilli: 1500,
      };
      await db.transaction((m) => market.payCreator(m, run));
      await db.transaction((m) => market.payCreator(m, run));
      expect(await ledger(creator.user.id, 'creator_earning')).toEqual([
        { delta: '30', reference_type: 'job', reference_id: jobId },
      ]);

      const earnings = await api().get('/api/v1/marketplace/earnings').set(bearer(creator.accessToken)).expect(200);
      expect(earnings.body.total).toBe(0.03);
      expect(earnings.body.last30Days).toBe(0.03);
      expect(earnings.body.byTemplate).toContainEqual({
        templateId: tpl.id,
        title: 'Outline',
        runs: 1,
        earnings: 0.03,
      });
      const view = await api().get(`/api/v1/marketplace/prompts/${tpl.id}`).set(bearer(runner.accessToken)).expect(200);
      expect(view.body.uses).toBe(1);
      const board = await market.topCreators(new Date(Date.now() - 60_000), 100);
      expect(board).toContainEqual({ creatorId: creator.user.id, earnings: 30, runs: 1 });
    });

    it('writes nothing when the surrounding transaction aborts', async () => {
      const other = await registerUser(t);
      const tpl = await create(other);
      await publish(other, tpl.id);
      const jobId = randomUUID();
      await expect(
        db.transaction(async (m) => {
          await market.payCreator(m, {
            jobId,
            templateId: tpl.id,
            version: 1,
            creatorId: other.user.id,
            runnerId: runner.user.id,
            costMilli: 1000,
          });
          expect(await m.query(`SELECT 1 FROM credit_ledger WHERE reference_id = $1`, [jobId])).toHaveLength(1);
          throw new Error('the run crashed before settling');
        }),
      ).rejects.toThrow('crashed');
      expect(await ledger(other.user.id, 'creator_earning')).toEqual([]);
      expect(await db.query(`SELECT 1 FROM prompt_runs WHERE job_id = $1`, [jobId])).toEqual([]);
    });

    it("pays nothing for the creator's own run or a free (cached) run", async () => {
      const own = await registerUser(t);
      const tpl = await create(own);
      await publish(own, tpl.id);
      await db.transaction((m) =>
        market.payCreator(m, {
          jobId: randomUUID(),
          templateId: tpl.id,
          version: 1,
          creatorId: own.user.id,
          runnerId: own.user.id,
          costMilli: 1000,
        }),
      );
      await db.transaction((m) =>
        market.payCreator(m, {
          jobId: randomUUID(),
          templateId: tpl.id,
          version: 1,
          creatorId: own.user.id,
          runnerId: runner.user.id,
          costMilli: 0,
        }),
      );
      expect(await ledger(own.user.id, 'creator_earning')).toEqual([]);
      const earnings = await api().get('/api/v1/marketplace/earnings').set(bearer(own.accessToken)).expect(200);
      expect(earnings.body).toEqual({
        total: 0,
        last30Days: 0,
        byTemplate: [{ templateId: tpl.id, title: 'Outline', runs: 1, earnings: 0 }],
      });
    });
  });

  describe('ratings', () => {
    it('replaces a second rating, refuses one on your own template (403) and lists reviews', async () => {
      const tpl = await create(creator);
      await publish(creator, tpl.id);
      await api()
        .post(`/api/v1/marketplace/prompts/${tpl.id}/ratings`)
        .set(bearer(creator.accessToken))
        .send({ stars: 5 })
        .expect(403);
      await api()
        .post(`/api/v1/marketplace/prompts/${tpl.id}/ratings`)
        .set(bearer(runner.accessToken))
        .send({ stars: 2, review: 'meh' })
        .expect(201);
      const second = await api()
        .post(`/api/v1/marketplace/prompts/${tpl.id}/ratings`)
        .set(bearer(runner.accessToken))
        .send({ stars: 4, review: 'better now' });
      expect(second.status).toBe(201);
      expect(second.body).toMatchObject({
        templateId: tpl.id,
        stars: 4,
        review: 'better now',
        user: { id: runner.user.id },
      });
      await api()
        .post(`/api/v1/marketplace/prompts/${tpl.id}/ratings`)
        .set(bearer(runner.accessToken))
        .send({ stars: 6 })
        .expect(400);

      const view = await api().get(`/api/v1/marketplace/prompts/${tpl.id}`).set(bearer(runner.accessToken)).expect(200);
      expect(view.body).toMatchObject({ ratingAvg: 4, ratingCount: 1, myRating: { stars: 4, review: 'better now' } });
      const reviews = await api()
        .get(`/api/v1/marketplace/prompts/${tpl.id}/ratings`)
        .set(bearer(creator.accessToken))
        .expect(200);
      expect(reviews.body).toMatchObject({ items: [{ stars: 4, review: 'better now' }], nextCursor: null });
    });

    it('refuses to rate a draft of someone else (404)', async () => {
      const tpl = await create(creator);
      await api()
        .post(`/api/v1/marketplace/prompts/${tpl.id}/ratings`)
        .set(bearer(runner.accessToken))
        .send({ stars: 5 })
        .expect(404);
    });
  });

  describe('search', () => {
    it('finds a published template by a word of its description, filters by tool and kind, and pages', async () => {
      const w = word();
      const a = await create(creator, { title: 'First', description: `Helps with ${w} questions` });
      const b = await create(creator, {
        title: 'Second',
        description: `More ${w} help`,
        toolId: imageToolId,
        template: 'A picture of {{thing}}',
      });
      await create(creator, { title: 'Draft', description: `A ${w} draft` });
      await publish(creator, a.id);
      await publish(creator, b.id);

      const found = await api()
        .get('/api/v1/marketplace/prompts')
        .query({ q: w, sort: 'new' })
        .set(bearer(runner.accessToken))
        .expect(200);
      expect(found.body.items.map((i: PromptTemplateView) => i.id)).toEqual([b.id, a.id]);
      expect(Object.keys(found.body.items[0])).toEqual(
        expect.arrayContaining([
          'id',
          'title',
          'description',
          'toolId',
          'creator',
          'variables',
          'ratingAvg',
          'ratingCount',
          'uses',
        ]),
      );
      const byTool = await api()
        .get('/api/v1/marketplace/prompts')
        .query({ q: w, toolId: 'summarize' })
        .set(bearer(runner.accessToken))
        .expect(200);
      expect(byTool.body.items.map((i: PromptTemplateView) => i.id)).toEqual([a.id]);
      const byKind = await api()
        .get('/api/v1/marketplace/prompts')
        .query({ q: w, kind: 'image' })
        .set(bearer(runner.accessToken))
        .expect(200);
      expect(byKind.body.items.map((i: PromptTemplateView) => i.id)).toEqual([b.id]);

      for (const sort of ['top', 'new', 'popular']) {
        const first = await api()
          .get('/api/v1/marketplace/prompts')
          .query({ q: w, sort, limit: 1 })
          .set(bearer(runner.accessToken))
          .expect(200);
        expect(first.body.nextCursor).toEqual(expect.any(String));
        const next = await api()
          .get('/api/v1/marketplace/prompts')
          .query({ q: w, sort, limit: 1, cursor: first.body.nextCursor })
          .set(bearer(runner.accessToken))
          .expect(200);
        expect(next.body.nextCursor).toBeNull();
        expect([first.body.items[0].id, next.body.items[0].id].sort()).toEqual([a.id, b.id].sort());
      }
      await api()
        .get('/api/v1/marketplace/prompts')
        .query({ cursor: 'garbage' })
        .set(bearer(runner.accessToken))
        .expect(400);
    });

    it('sorts popular by runs in the last 30 days', async () => {
      const w = word();
      const quiet = await create(creator, { description: w });
      const busy = await create(creator, { description: w });
      await publish(creator, quiet.id);
      await publish(creator, busy.id);
      for (let i = 0; i < 2; i++) {
        await db.transaction((m) =>
          market.payCreator(m, {
            jobId: randomUUID(),
            templateId: busy.id,
            version: 1,
            creatorId: creator.user.id,
            runnerId: runner.user.id,
            costMilli: 1000,
          }),
        );
      }
      const res = await api()
        .get('/api/v1/marketplace/prompts')
        .query({ q: w, sort: 'popular' })
        .set(bearer(runner.accessToken))
        .expect(200);
      expect(res.body.items.map((i: PromptTemplateView) => [i.id, i.uses])).toEqual([
        [busy.id, 2],
        [quiet.id, 0],
      ]);
    });

    it('ranks 100 ratings averaging 4.8 above a single 5 for sort=top', async () => {
      const w = word();
      const many = await create(creator, { title: 'Many votes', description: w });
      const one = await create(creator, { title: 'One vote', description: w });
      await publish(creator, many.id);
      await publish(creator, one.id);
      const users = t.app.get(UsersService);
      const voters = [];
      for (let i = 0; i < 101; i++) {
        voters.push(
          await users.create(db.manager, {
            email: `voter-${w}-${i}@example.test`,
            passwordHash: 'x',
            displayName: `Voter ${i}`,
          }),
        );
      }
      const ratings = t.app.get(PromptRatingsService);
      for (const [i, voter] of voters.slice(0, 100).entries()) {
        await ratings.rate(many.id, { userId: voter.id, role: 'user' }, i < 80 ? 5 : 4, undefined);
      }
      await ratings.rate(one.id, { userId: voters[100].id, role: 'user' }, 5, undefined);

      const res = await api()
        .get('/api/v1/marketplace/prompts')
        .query({ q: w, sort: 'top' })
        .set(bearer(runner.accessToken))
        .expect(200);
      expect(res.body.items.map((i: PromptTemplateView) => [i.id, i.ratingAvg, i.ratingCount])).toEqual([
        [many.id, 4.8, 100],
        [one.id, 5, 1],
      ]);
    });
  });

  describe('moderation', () => {
    it('hides a template from everyone else; publishing keeps it hidden; restore brings it back', async () => {
      const admin = await loginAdmin(t);
      const w = word();
      const tpl = await create(creator, { description: w });
      await publish(creator, tpl.id);
      const hidden = await api()
        .patch(`/api/v1/admin/prompts/${tpl.id}`)
        .set(bearer(admin.accessToken))
        .send({ action: 'hide', reason: 'spam' });
      expect(hidden.status).toBe(200);
      expect(hidden.body.status).toBe('hidden');
      await api()
        .patch(`/api/v1/admin/prompts/${tpl.id}`)
        .set(bearer(runner.accessToken))
        .send({ action: 'restore' })
        .expect(403);
      await api().get(`/api/v1/marketplace/prompts/${tpl.id}`).set(bearer(runner.accessToken)).expect(404);
      const search = await api()
        .get('/api/v1/marketplace/prompts')
        .query({ q: w })
        .set(bearer(runner.accessToken))
        .expect(200);
      expect(search.body.items).toEqual([]);
      expect((await publish(creator, tpl.id)).status).toBe('hidden');
      const list = await api()
        .get('/api/v1/admin/prompts')
        .query({ status: 'hidden', limit: 100 })
        .set(bearer(admin.accessToken))
        .expect(200);
      expect(list.body.items.map((i: PromptTemplateView) => i.id)).toContain(tpl.id);

      const restored = await api()
        .patch(`/api/v1/admin/prompts/${tpl.id}`)
        .set(bearer(admin.accessToken))
        .send({ action: 'restore' });
      expect(restored.body.status).toBe('published');
      const audit = await api()
        .get('/api/v1/admin/audit-log')
        .query({ targetId: tpl.id })
        .set(bearer(admin.accessToken))
        .expect(200);
      expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['prompt.restore', 'prompt.hide']);
      await api().get(`/api/v1/marketplace/prompts/${tpl.id}`).set(bearer(runner.accessToken)).expect(200);
    });
  });

  it('lists my templates, any status', async () => {
    const me = await registerUser(t);
    const a = await create(me);
    const b = await create(me);
    await publish(me, b.id);
    const res = await api().get('/api/v1/marketplace/my-prompts').set(bearer(me.accessToken)).expect(200);
    expect(res.body.items.map((i: PromptTemplateView) => [i.id, i.status])).toEqual([
      [b.id, 'published'],
      [a.id, 'draft'],
    ]);
  });
});
