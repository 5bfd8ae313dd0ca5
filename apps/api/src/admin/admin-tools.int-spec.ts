import { DataSource } from 'typeorm';
import { bearer, createTestApp, loginAdmin, registerUser, TestApp } from '../../test/test-app';

describe('Admin tools', () => {
  let t: TestApp;
  let admin: string;
  let toolId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await loginAdmin(t)).accessToken;
    // A tool of its own: other specs run and price the seeded ones in parallel.
    const [row] = await t.app.get(DataSource).query(
      `INSERT INTO tools (slug, name, kind, credit_cost, providers, input_schema)
       VALUES ('admin-' || substr(md5(random()::text), 1, 8), 'Admin edit', 'text', 1000, '{offline}',
               '{"type":"object","properties":{"prompt":{"type":"string"}},"required":["prompt"]}') RETURNING id`,
    );
    toolId = row.id as string;
  });
  afterAll(() => t.close());

  it('is admin only: a user and an API key (even an admin one) get 403, nobody 401', async () => {
    const user = await registerUser(t);
    await t.http().get('/api/v1/admin/tools').expect(401);
    await t.http().get('/api/v1/admin/tools').set(bearer(user.accessToken)).expect(403);
    await t
      .http()
      .patch(`/api/v1/admin/tools/${toolId}`)
      .set(bearer(user.accessToken))
      .send({ creditCost: 0 })
      .expect(403);
    const key = await t.http().post('/api/v1/api-keys').set(bearer(admin)).send({ name: 'admin key' }).expect(201);
    await t
      .http()
      .get('/api/v1/admin/tools')
      .set('X-API-Key', key.body.key as string)
      .expect(403);
  });

  it('lists every tool, disabled ones included, and reads one by id or slug; unknown → 404', async () => {
    await t.http().patch(`/api/v1/admin/tools/${toolId}`).set(bearer(admin)).send({ enabled: false }).expect(200);
    const list = await t.http().get('/api/v1/admin/tools').set(bearer(admin)).expect(200);
    const mine = (list.body as { id: string; enabled: boolean; slug: string }[]).find((x) => x.id === toolId);
    expect(mine).toMatchObject({ enabled: false });
    await t.http().get(`/api/v1/tools/${toolId}`).expect(404);
    await t.http().get(`/api/v1/admin/tools/${mine!.slug}`).set(bearer(admin)).expect(200);
    await t.http().get('/api/v1/admin/tools/no-such-tool').set(bearer(admin)).expect(404);
    await t
      .http()
      .patch('/api/v1/admin/tools/00000000-0000-4000-8000-00000000ffff')
      .set(bearer(admin))
      .send({ creditCost: 1 })
      .expect(404);
  });

  it('changes prices, offer, premium and provider order: GET /tools/:id shows it, the audit log has it', async () => {
    const endsAt = new Date(Date.now() + 3600_000).toISOString();
    const res = await t
      .http()
      .patch(`/api/v1/admin/tools/${toolId}`)
      .set(bearer(admin))
      .send({
        enabled: true,
        creditCost: 2.5,
        offerCost: 1.25,
        offerEndsAt: endsAt,
        premiumOnly: true,
        providers: ['offline'],
      })
      .expect(200);
    expect(res.body).toMatchObject({ creditCost: 2.5, offerCost: 1.25, offerEndsAt: endsAt, premiumOnly: true });
    const pub = await t.http().get(`/api/v1/tools/${toolId}`).expect(200);
    expect(pub.body).toMatchObject({ creditCost: 2.5, offerCost: 1.25, premiumOnly: true, providers: ['offline'] });

    const audit = await t
      .http()
      .get('/api/v1/admin/audit-log')
      .query({ targetId: toolId, action: 'tools.update' })
      .set(bearer(admin))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'tools.update',
      targetType: 'tool',
      targetId: toolId,
      details: { changes: { creditCost: 2.5, offerCost: 1.25 }, after: { creditCost: 2.5, offerCost: 1.25 } },
    });

    // Ending the offer clears its end date too.
    const ended = await t
      .http()
      .patch(`/api/v1/admin/tools/${toolId}`)
      .set(bearer(admin))
      .send({ offerCost: null, premiumOnly: false })
      .expect(200);
    expect(ended.body).toMatchObject({ offerCost: null, offerEndsAt: null, premiumOnly: false });
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await t.http().patch(`/api/v1/admin/tools/${toolId}`).set(bearer(admin)).send(body).expect(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    };
    await bad({ creditCost: -1 }, 'creditCost');
    await bad({ creditCost: 1.2345 }, 'creditCost');
    await bad({ creditCost: '2' }, 'creditCost');
    await bad({ enabled: 'yes' }, 'enabled');
    await bad({ offerEndsAt: 'tomorrow' }, 'offerEndsAt');
    await bad({ providers: [] }, 'providers');
    await bad({ providers: ['nobody'] }, 'providers');
    await bad({ slug: 'renamed' }, 'slug');
    const after = await t.http().get(`/api/v1/admin/tools/${toolId}`).set(bearer(admin)).expect(200);
    expect(after.body).toMatchObject({ creditCost: 2.5, providers: ['offline'] });
  });
});
