import { createTestApp, TestApp } from '../../test/test-app';
import { DataSource } from 'typeorm';
import type { ToolsException } from './tools.exception';
import { ToolsService } from './tools.service';

describe('Tools catalog', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the seeded tools with prices and schemas, public', async () => {
    const res = await t.http().get('/api/v1/tools').expect(200);
    const slugs = (res.body as { slug: string }[]).map((x) => x.slug);
    expect(slugs).toEqual(expect.arrayContaining(['chat', 'summarize', 'image', 'text-to-speech', 'short-video']));
    const chat = (res.body as Record<string, unknown>[]).find((x) => x.slug === 'chat');
    expect(chat).toMatchObject({ kind: 'text', creditCost: 1, premiumOnly: false, enabled: true });
    expect(chat?.inputSchema).toMatchObject({ type: 'object', required: ['prompt'] });
  });

  it('finds a tool by UUID or slug; unknown → 404', async () => {
    const bySlug = await t.http().get('/api/v1/tools/image').expect(200);
    expect(bySlug.body).toMatchObject({ kind: 'image', creditCost: 5 });
    await t
      .http()
      .get(`/api/v1/tools/${bySlug.body.id as string}`)
      .expect(200);
    await t.http().get('/api/v1/tools/no-such-tool').expect(404);
    await t.http().get('/api/v1/tools/00000000-0000-4000-8000-00000000ffff').expect(404);
  });

  it('validates input against the schema with field errors', async () => {
    const tools = t.app.get(ToolsService);
    const tool = await tools.findEntity('summarize');
    expect(tool).not.toBeNull();
    expect(tools.validateInput(tool!, { prompt: ' hi ' })).toEqual({ prompt: 'hi', length: 'short' });
    expect(() => tools.validateInput(tool!, { prompt: 'x'.repeat(20001), length: 'huge', extra: 1 })).toThrow();
    try {
      tools.validateInput(tool!, { length: 'huge', extra: 1 });
    } catch (e) {
      const fields = (e as ToolsException).extras.errors?.map((x) => x.field);
      expect(fields).toEqual(expect.arrayContaining(['input.prompt', 'input.length', 'input.extra']));
    }
  });

  it('lets an admin service edit a tool, refusing providers that cannot serve it', async () => {
    const tools = t.app.get(ToolsService);
    // A tool of its own: other specs run the seeded ones in parallel.
    const [{ id }] = await t.app.get(DataSource).query(
      `INSERT INTO tools (slug, name, kind, credit_cost, providers, input_schema)
       VALUES ('edit-' || substr(md5(random()::text), 1, 8), 'Edit me', 'image', 5000, '{offline}', '{"type":"object"}') RETURNING id`,
    );
    const edited = await tools.update(id as string, {
      creditCost: 2500,
      offerCost: 1000,
      offerEndsAt: new Date(Date.now() + 3600_000),
      providers: ['openai', 'offline'],
    });
    expect(edited).toMatchObject({ creditCost: 2.5, offerCost: 1, providers: ['openai', 'offline'] });
    await expect(tools.update(id as string, { providers: ['deepseek'] })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(tools.update(id as string, { providers: [] })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(tools.update(id as string, { creditCost: -1 })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(tools.update('nope', { enabled: false })).rejects.toMatchObject({ code: 'not_found' });
    await tools.update(id as string, { enabled: false });
    await t
      .http()
      .get(`/api/v1/tools/${id as string}`)
      .expect(404);
  });
});
