import { DataSource } from 'typeorm';
import { verifyLedger } from '../credits/ledger-verify';
import {
  chatChunks,
  chatCompletion,
  FakeServer,
  sendJson,
  startFakeServer,
} from '../providers/testing/fake-http-server';
import { bearer, createTestApp, registerUser, TestApp } from '../../test/test-app';

type Mode = 'null' | 'huge-stream';

/** What untrustworthy upstream answers do to a run: fall over (charged once, for a real answer) or refund. */
describe('Runs against untrustworthy provider answers (integration)', () => {
  let server: FakeServer;
  let t: TestApp;
  let mode: Mode = 'null';

  beforeAll(async () => {
    server = await startFakeServer(async (req, res) => {
      if (mode === 'null' || !req.json().stream) {
        const body = chatCompletion('x') as { choices: { message: { content: unknown } }[] };
        body.choices[0].message.content = null;
        return sendJson(res, 200, body);
      }
      // 64 MB of tokens: the reader must stop long before.
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const event = `data: ${JSON.stringify(chatChunks(['C'.repeat(16 * 1024)])[1])}\n\n`;
      let closed = false;
      res.once('close', () => (closed = true));
      for (let sent = 0; sent < 64 * 1024 * 1024 && !closed; sent += event.length) {
        if (!res.write(event)) while (!closed && res.writableNeedDrain) await new Promise((r) => setTimeout(r, 5));
      }
      res.end('data: [DONE]\n\n');
    });
    t = await createTestApp({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: `${server.origin}/v1`,
      PROVIDER_RETRIES: '0',
      PROVIDER_BREAKER_THRESHOLD: '1000',
      // Circuits are shared through Redis per endpoint: a port reused by another spec's fake server must not bring
      // that spec's open circuit here.
      REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'test'}-answers`,
    });
  });
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  const job = async (token: string, id: string) =>
    (await t.http().get(`/api/v1/jobs/${id}`).set(bearer(token)).expect(200)).body;

  it('never charges `content: null` as a success: the run falls over to the next provider', async () => {
    mode = 'null';
    const u = await registerUser(t);
    const res = await t
      .http()
      .post('/api/v1/tools/chat/run')
      .set(bearer(u.accessToken))
      .send({ input: { prompt: `null content ${u.user.id}` }, provider: 'openai' })
      .expect(200);
    expect(res.body.provider).not.toBe('openai');
    expect(res.body.output.text).toEqual(expect.any(String));
    expect((await job(u.accessToken, res.body.jobId)).attempts[0]).toMatchObject({
      provider: 'openai',
      code: 'bad_output',
    });
  });

  it('fails and refunds a streamed run whose answer grows past the text limit, storing none of it', async () => {
    mode = 'huge-stream';
    const u = await registerUser(t);
    const res = await t
      .http()
      .post('/api/v1/tools/chat/run?stream=true')
      .set(bearer(u.accessToken))
      .send({ input: { prompt: `huge stream ${u.user.id}` }, provider: 'openai' })
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (c: Buffer) => (text += c.toString('utf8')));
        response.on('end', () => done(null, text));
      });
    const body = res.body as string;
    expect(body).toContain('event: error');
    expect(body.length).toBeLessThan(4 * 1024 * 1024);
    const [row]: { id: string; status: string; size: number }[] = await t.app
      .get(DataSource)
      .query(`SELECT id, status, octet_length(coalesce(output::text, '')) AS size FROM jobs WHERE user_id = $1`, [
        u.user.id,
      ]);
    expect(row.status).toBe('failed');
    expect(Number(row.size)).toBeLessThan(64 * 1024);
    const ledger = await t.http().get('/api/v1/credits/ledger').set(bearer(u.accessToken)).expect(200);
    expect(ledger.body.items.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['tool_spend', 'tool_refund']),
    );
    const report = await verifyLedger((sql, params) => t.app.get(DataSource).query(sql, params), [u.user.id]);
    expect(report.ok).toBe(true);
  });
});
