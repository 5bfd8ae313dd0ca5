import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AdSessionView, HouseCreativeItem } from '@megicai/contracts';
import { bearer, createTestApp, loginAdmin, registerUser, TestApp } from '../../test/test-app';
import { HouseNetwork } from '../ads/networks/house.network';
import { randomAddress } from '../ads/testing/ad-session-helpers';

const CREATIVES = '/api/v1/admin/ads/creatives';
const UPLOADS = `${CREATIVES}/uploads`;
const PLANS = '/api/v1/admin/premium/plans';
const PACKS = '/api/v1/admin/credit-packs';
// A real 1×1 PNG, and GIF bytes to pass off as one.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

interface CreativeView {
  id: string;
  kind: string;
  src: string;
  weight: number;
  enabled: boolean;
  uploaded: boolean;
}

describe('Admin catalog: house creatives, premium plans, credit packs (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  let adminId: string;
  /** Creatives this spec made: disabled again at the end, so that other specs' ad sessions never meet them. */
  const made: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'true', CSP_MEDIA_SOURCES: 'https://cdn.megicai.test' });
    db = t.app.get(DataSource);
    const login = await loginAdmin(t);
    admin = login.accessToken;
    adminId = login.user.id;
  });
  afterAll(async () => {
    if (made.length) await db.query(`UPDATE ad_creatives SET active = false WHERE id = ANY($1)`, [made]);
    await t.close();
  });

  const upload = (bytes: Buffer, type: string) =>
    t.http().post(UPLOADS).set(bearer(admin)).set('Content-Type', type).send(bytes);
  async function create(body: Record<string, unknown>): Promise<CreativeView> {
    const res = await t.http().post(CREATIVES).set(bearer(admin)).send(body);
    expect(res.status).toBe(201);
    made.push(res.body.id as string);
    return res.body as CreativeView;
  }
  const base = (title: string) => ({ title, clickUrl: 'https://megicai.example/spring', seconds: 5 });
  const audit = async (action: string, object: string) =>
    (
      await t
        .http()
        .get('/api/v1/admin/audit-log')
        .query({ actor: adminId, action, object })
        .set(bearer(admin))
        .expect(200)
    ).body.items as { details: Record<string, unknown> }[];
  const countCreatives = async () => Number((await db.query(`SELECT count(*) AS n FROM ad_creatives`))[0].n);

  it('answers 401 anonymous and 403 to a user and to an API key on every catalog route', async () => {
    const user = await registerUser(t);
    const key = (await t.http().post('/api/v1/api-keys').set(bearer(admin)).send({ name: 'catalog key' }).expect(201))
      .body.key as string;
    const id = randomUUID();
    const routes: [method: 'get' | 'post' | 'patch', path: string, body?: object][] = [
      ['get', CREATIVES],
      ['post', CREATIVES, { kind: 'html', ...base('x'), html: '<p>x</p>' }],
      ['patch', `${CREATIVES}/${id}`, { weight: 5 }],
      ['post', UPLOADS],
      ['get', PLANS],
      ['patch', `${PLANS}/premium-monthly`, { priceCents: 1 }],
      ['get', PACKS],
      ['post', PACKS, { credits: 1, price: 1, currency: 'USD' }],
      ['patch', `${PACKS}/${id}`, { price: 2 }],
    ];
    const before = await countCreatives();
    for (const [method, path, body] of routes) {
      await t.http()[method](path).send(body).expect(401);
      await t.http()[method](path).set(bearer(user.accessToken)).send(body).expect(403);
      await t.http()[method](path).set('X-API-Key', key).send(body).expect(403);
    }
    await upload(PNG, 'image/png').unset('Authorization').expect(401);
    expect(await countCreatives()).toBe(before);
  });

  it('uploads an image checked by its bytes, serves it, and makes a creative of it (audited)', async () => {
    const up = await upload(PNG, 'image/png').expect(201);
    expect(up.body).toMatchObject({ kind: 'image', contentType: 'image/png', size: PNG.length });
    const file = await t.http().get(up.body.url).buffer(true).expect(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(file.body as Buffer, PNG)).toBe(0);

    const creative = await create({ kind: 'image', ...base('Spring sale'), upload: up.body.upload, weight: 250 });
    expect(creative).toMatchObject({ kind: 'image', src: up.body.url, weight: 250, enabled: true, uploaded: true });
    const list = await t.http().get(CREATIVES).set(bearer(admin)).expect(200);
    expect(list.body).toContainEqual(expect.objectContaining({ id: creative.id, title: 'Spring sale' }));

    const [entry] = await audit('ads.creative.create', creative.id);
    expect(entry.details).toMatchObject({ after: { id: creative.id, weight: 250, enabled: true } });
    expect(await audit('ads.creative.upload', up.body.upload)).toHaveLength(1);
  });

  it('refuses bad uploads with a code and stores nothing', async () => {
    const bad = [
      [await upload(GIF, 'image/png'), 415, 'unsupported_media_type'],
      [await upload(Buffer.from('<svg onload="alert(1)"/>'), 'image/svg+xml'), 415, 'unsupported_media_type'],
      [await upload(Buffer.from('<script>alert(1)</script>'), 'text/html'), 415, 'unsupported_media_type'],
      [await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 0x89), 'image/png'), 413, 'payload_too_large'],
      // Raw media is taken by the upload route only.
      [
        await t.http().post(CREATIVES).set(bearer(admin)).set('Content-Type', 'image/png').send(PNG),
        415,
        'unsupported_media_type',
      ],
    ] as const;
    for (const [res, status, code] of bad) {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe(code);
    }
    const rows = await db.query(`SELECT count(*)::int AS n FROM admin_audit_log WHERE action = 'ads.creative.upload'`);
    expect(rows[0].n).toBe(1);
  });

  it('refuses bad creatives (url scheme, host, weight, kind, upload, unknown id) and changes nothing', async () => {
    const html = await create({ kind: 'html', ...base('House HTML'), html: '<h1>Hello</h1>' });
    const before = await countCreatives();
    const refused: Record<string, unknown>[] = [
      { kind: 'image', ...base('x'), url: 'javascript:alert(1)' },
      { kind: 'image', ...base('x'), url: 'data:image/png;base64,iVBORw0KGgo=' },
      { kind: 'image', ...base('x'), url: 'ftp://cdn.megicai.test/a.png' },
      { kind: 'image', ...base('x'), url: 'https://elsewhere.example/a.png' }, // not in CSP_MEDIA_SOURCES
      { kind: 'image', ...base('x'), clickUrl: 'javascript:alert(1)', url: 'https://cdn.megicai.test/a.png' },
      { kind: 'image', ...base('x'), url: 'https://cdn.megicai.test/a.png', weight: 0 },
      { kind: 'image', ...base('x'), url: 'https://cdn.megicai.test/a.png', weight: 1001 },
      { kind: 'image', ...base('x'), url: 'https://cdn.megicai.test/a.png', weight: 2.5 },
      { kind: 'image', ...base('x') }, // no media
      { kind: 'image', ...base('x'), html: '<p>x</p>' },
      { kind: 'html', ...base('x'), url: 'https://cdn.megicai.test/a.png' },
      { kind: 'video', ...base('x'), upload: `${randomUUID()}.mp4` }, // never uploaded
      { kind: 'svg', ...base('x'), url: 'https://cdn.megicai.test/a.svg' },
    ];
    for (const body of refused) {
      const res = await t.http().post(CREATIVES).set(bearer(admin)).send(body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({
        body,
        status: 400,
        code: 'validation_failed',
      });
    }
    const patches: [string, Record<string, unknown>, number, string][] = [
      [html.id, { weight: 0 }, 400, 'validation_failed'],
      [html.id, { url: 'https://cdn.megicai.test/a.png' }, 400, 'validation_failed'],
      [html.id, { kind: 'image' }, 400, 'validation_failed'],
      [randomUUID(), { weight: 5 }, 404, 'not_found'],
      ['not-a-uuid', { weight: 5 }, 404, 'not_found'],
    ];
    for (const [id, body, status, code] of patches) {
      const res = await t.http().patch(`${CREATIVES}/${id}`).set(bearer(admin)).send(body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
    }
    expect(await countCreatives()).toBe(before);
    const [row] = await db.query(`SELECT weight, kind FROM ad_creatives WHERE id = $1`, [html.id]);
    expect(row).toEqual({ weight: 100, kind: 'html' });
    expect(await audit('ads.creative.update', html.id)).toEqual([]);

    // A URL on an allowed host is fine.
    await create({ kind: 'image', ...base('CDN image'), url: 'https://cdn.megicai.test/ads/a.png', enabled: false });
  });

  it('serves what the admin set: weight changes who leads a chain, a disabled creative is never served', async () => {
    const house = t.app.get(HouseNetwork);
    const heavy = await create({ kind: 'html', ...base('Heavy'), html: '<p>heavy</p>', weight: 1000 });
    const light = await create({ kind: 'html', ...base('Light'), html: '<p>light</p>', weight: 1 });
    const leads = async (id: string, draws = 300) => {
      let n = 0;
      for (let i = 0; i < draws; i++) {
        const c = await house.creativeFor({ seconds: 5, interactive: false });
        if (c.network === 'house' && c.items[0].id === id) n++;
      }
      return n / draws;
    };
    // A creative leads with probability weight / total weight of the active ones (300 draws: ±0.03 is one sd).
    const share = async (weight: number) => {
      const [{ total }] = await db.query(
        `SELECT sum(weight)::int AS total FROM ad_creatives WHERE active AND NOT interactive`,
      );
      return weight / total;
    };
    expect(await leads(heavy.id)).toBeGreaterThan((await share(1000)) - 0.12);
    expect(await leads(light.id)).toBeLessThan(0.03);

    const swap = async (id: string, weight: number) => {
      const res = await t.http().patch(`${CREATIVES}/${id}`).set(bearer(admin)).send({ weight }).expect(200);
      expect(res.body.weight).toBe(weight);
    };
    await swap(heavy.id, 1);
    await swap(light.id, 1000);
    expect(await leads(light.id)).toBeGreaterThan((await share(1000)) - 0.12);
    expect(await leads(heavy.id)).toBeLessThan(0.03);
    const [weighed] = await audit('ads.creative.update', light.id);
    expect(weighed.details).toMatchObject({
      changes: { weight: 1000 },
      before: { weight: 1 },
      after: { weight: 1000 },
    });

    // A long session chains every active creative: the light one is in it until it is disabled.
    const servedIds = async () => {
      const user = await registerUser(t);
      const res = await t
        .http()
        .post('/api/v1/ads/sessions')
        .set(bearer(user.accessToken))
        .set('X-Forwarded-For', randomAddress())
        .send({ tier: 'video' })
        .expect(201);
      const session = res.body as AdSessionView;
      const houseCreative = session.waterfall.find((c) => c.network === 'house') as { items: HouseCreativeItem[] };
      return houseCreative.items.map((i) => i.id);
    };
    expect(await servedIds()).toContain(light.id);
    await t.http().patch(`${CREATIVES}/${light.id}`).set(bearer(admin)).send({ enabled: false }).expect(200);
    expect(await servedIds()).not.toContain(light.id);
    expect(await leads(light.id, 50)).toBe(0);
    const [disabled] = await audit('ads.creative.update', light.id);
    expect(disabled.details).toMatchObject({ before: { enabled: true }, after: { enabled: false } });
  });

  it('edits a premium plan (audited with before and after); bad input changes nothing', async () => {
    // A plan of this spec's own, off sale, so that other specs see the seeded plans as they are.
    await db.query(
      `INSERT INTO premium_plans (id, name, price_cents, currency, interval, allowance_milli, features, active, sort_order)
       VALUES ('catalog-spec', 'Catalog spec', 500, 'USD', 'month', 100000, '[]', false, 99)`,
    );
    const list = await t.http().get(PLANS).set(bearer(admin)).expect(200);
    expect(list.body).toContainEqual(
      expect.objectContaining({ id: 'catalog-spec', priceCents: 500, allowanceCredits: 100, active: false }),
    );
    expect(list.body).toContainEqual(expect.objectContaining({ id: 'premium-monthly', active: true }));

    for (const body of [{ priceCents: -1 }, { allowanceCredits: 1.2345 }, { currency: 'EUR' }, { name: '' }]) {
      const res = await t.http().patch(`${PLANS}/catalog-spec`).set(bearer(admin)).send(body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({
        body,
        status: 400,
        code: 'validation_failed',
      });
    }
    const missing = await t.http().patch(`${PLANS}/no-such-plan`).set(bearer(admin)).send({ priceCents: 700 });
    expect([missing.status, missing.body.code]).toEqual([404, 'not_found']);
    expect(await audit('premium.plan.update', 'catalog-spec')).toEqual([]);

    const res = await t
      .http()
      .patch(`${PLANS}/catalog-spec`)
      .set(bearer(admin))
      .send({ name: 'Catalog spec plus', priceCents: 750, allowanceCredits: 120.5 })
      .expect(200);
    expect(res.body).toMatchObject({ name: 'Catalog spec plus', priceCents: 750, allowanceCredits: 120.5 });
    const [row] = await db.query(`SELECT price_cents, allowance_milli FROM premium_plans WHERE id = 'catalog-spec'`);
    expect(row).toEqual({ price_cents: 750, allowance_milli: '120500' });
    const [entry] = await audit('premium.plan.update', 'catalog-spec');
    expect(entry.details).toMatchObject({
      before: { priceCents: 500, allowanceCredits: 100, name: 'Catalog spec' },
      after: { priceCents: 750, allowanceCredits: 120.5, name: 'Catalog spec plus' },
    });
  });

  it('credit packs: create, edit and take off sale are audited with before and after', async () => {
    const created = await t
      .http()
      .post(PACKS)
      .set(bearer(admin))
      .send({ credits: 42, price: 4.2, currency: 'USD', active: false })
      .expect(201);
    const id = created.body.id as string;
    const bad = await t.http().patch(`${PACKS}/${id}`).set(bearer(admin)).send({ price: 0.1 });
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
    await t.http().patch(`${PACKS}/${id}`).set(bearer(admin)).send({ price: 3.5 }).expect(200);
    const [update] = await audit('credit_packs.update', id);
    expect(update.details).toMatchObject({
      before: { price: 4.2, active: false },
      after: { price: 3.5, active: false },
    });
    expect((await audit('credit_packs.create', id))[0].details).toMatchObject({ after: { credits: 42, price: 4.2 } });
  });
});
