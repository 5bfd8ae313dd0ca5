import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CreditsService } from '../credits/credits.service';
import { JobQueueService } from './job-queue.service';
import { JobSettlementService } from './job-settlement.service';
import { bearer, createTestApp, publishedTemplate, registerUser, TestApp } from '../../test/test-app';

const TEXT_TOOL = '00000000-0000-4000-8000-000000000101';

/**
 * The settle step in one round trip (issue 10): a failure, a cancel and a template run's success are each ONE
 * statement (counted as the calls to PostgreSQL that carry the job's id), and everything they write (the job row,
 * the hold, the refund or the creator's earning, the analytics events, the webhook rows) commits in one transaction.
 */
describe('Job settlement in one statement', () => {
  let t: TestApp;
  let db: DataSource;
  let settlement: JobSettlementService;
  let credits: CreditsService;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    settlement = t.app.get(JobSettlementService);
    credits = t.app.get(CreditsService);
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  /** A held job of the user's (1 credit), as acceptance leaves it. */
  async function heldJob(userId: string, status: 'queued' | 'running', template?: Record<string, unknown>) {
    const id = randomUUID();
    await db.query(
      `INSERT INTO jobs (id, user_id, tool_id, kind, status, input, prompt, cost, cached, attempts, runs,
                         template_id, template_version, creator_id)
       VALUES ($1, $2, $3, 'text', $4, '{"prompt":"settle me"}', 'settle me', 1000, false, '[]', 0, $5, $6, $7)`,
      [id, userId, TEXT_TOOL, status, template?.id ?? null, template ? 1 : null, template?.creatorId ?? null],
    );
    await credits.hold({ userId, amount: 1000, reference: { type: 'job', id } });
    return id;
  }

  /** Runs `work` and answers how many statements it sent that carry `jobId` (the settle's round trips). */
  async function roundTrips(jobId: string, work: () => Promise<unknown>): Promise<number> {
    const query = jest.spyOn(Client.prototype, 'query');
    await work();
    const calls = (query.mock.calls as unknown[][]).filter(([config, values]) => {
      const params = (config as { values?: unknown[] } | undefined)?.values ?? values;
      return Array.isArray(params) && params.includes(jobId);
    });
    query.mockRestore();
    return calls.length;
  }

  /** The transactions that wrote the rows of a job's settlement: one when they committed together. */
  async function writers(jobId: string, extra = '') {
    const [{ n }] = await db.query(
      `SELECT count(DISTINCT x)::int AS n FROM (
         SELECT xmin::text AS x FROM jobs WHERE id = $1
         UNION ALL SELECT xmin::text FROM credit_holds WHERE reference_id = $1::text
         UNION ALL SELECT xmin::text FROM credit_ledger WHERE reference_id = $1::text AND kind <> 'tool_spend'
         ${extra}) w`,
      [jobId],
    );
    return n as number;
  }

  const balanceOf = (userId: string) => credits.balanceOf(userId);

  it('fails a job with its refund, analytics and job.failed webhook row in one statement, once', async () => {
    const u = await registerUser(t);
    await credits.grant({ userId: u.user.id, amount: 5000, kind: 'admin_adjustment' });
    await t
      .http()
      .post('/api/v1/me/webhooks')
      .set(bearer(u.accessToken))
      .send({ url: 'http://127.0.0.1:7699/failed', events: ['job.failed'] })
      .expect(201);
    const before = await balanceOf(u.user.id);
    const id = await heldJob(u.user.id, 'running');
    const attempts = [{ provider: 'openai', model: 'm', error: 'down', durationMs: 5 }];

    expect(await roundTrips(id, async () => expect(await settlement.fail(id, 'boom', attempts)).toBe(true))).toBe(1);
    expect(await balanceOf(u.user.id)).toBe(before);
    const [delivery] = await db.query(
      `SELECT d.payload FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
        WHERE e.user_id = $1 AND d.event_key = $2`,
      [u.user.id, `job.failed:${id}`],
    );
    expect(delivery.payload).toEqual({
      type: 'job.failed',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      data: { jobId: id, toolId: TEXT_TOOL, status: 'failed', cost: 1, provider: null },
    });
    const events = await db.query(
      `SELECT type, amount::int FROM analytics_events WHERE user_id = $1 AND type IN ('run_failed', 'attempt', 'credit')
        ORDER BY type`,
      [u.user.id],
    );
    expect(events).toEqual(
      expect.arrayContaining([
        { type: 'run_failed', amount: 1000 },
        { type: 'credit', amount: 1000 },
        { type: 'attempt', amount: null },
      ]),
    );
    // (The delivery row is not counted: its dispatch after the commit marks it enqueued, a later transaction.)
    expect(await writers(id)).toBe(1);

    // Once: a second failure (a retried worker) and a cancel find the job ended; nothing moves.
    expect(await settlement.fail(id, 'again')).toBe(false);
    expect(await settlement.cancel(id, u.user.id)).toBe('finished');
    expect(await balanceOf(u.user.id)).toBe(before);
  });

  it("cancels in one statement: the owner's job is refunded once, another user's is missing", async () => {
    const u = await registerUser(t);
    const other = await registerUser(t);
    await credits.grant({ userId: u.user.id, amount: 5000, kind: 'admin_adjustment' });
    const before = await balanceOf(u.user.id);
    const id = await heldJob(u.user.id, 'queued');
    expect(await balanceOf(u.user.id)).toBe(before - 1000);

    expect(await settlement.cancel(id, other.user.id)).toBe('missing');
    expect(await roundTrips(id, async () => expect(await settlement.cancel(id, u.user.id)).toBe('canceled'))).toBe(1);
    expect(await settlement.cancel(id, u.user.id)).toBe('finished');
    expect(await balanceOf(u.user.id)).toBe(before);
    expect(await writers(id)).toBe(1);
    const [{ balance, sum }] = await db.query(
      `SELECT a.balance::int, (SELECT sum(delta)::int FROM credit_ledger WHERE user_id = $1) AS sum
         FROM credit_accounts a WHERE a.user_id = $1`,
      [u.user.id],
    );
    expect(balance).toBe(sum);
  });

  it('settles a template run and pays its creator 2% in one statement, once', async () => {
    const creator = await registerUser(t);
    const runner = await registerUser(t);
    await credits.grant({ userId: runner.user.id, amount: 5000, kind: 'admin_adjustment' });
    const templateId = await publishedTemplate(t, creator.accessToken, {
      title: 'Settle',
      description: 'A settled template',
      toolId: TEXT_TOOL,
      template: 'Say {{x}}',
    });
    const id = await heldJob(runner.user.id, 'queued', { id: templateId, creatorId: creator.user.id });
    const job = await settlement.start({ jobId: id });
    const success = {
      output: { text: 'said', offline: true },
      provider: 'offline',
      model: 'offline-text',
      attempts: [],
    };

    expect(await roundTrips(id, async () => expect(await settlement.succeed(job!, success)).toBe(true))).toBe(1);
    expect(await settlement.succeed(job!, success)).toBe(false);
    const earnings = await db.query(
      `SELECT delta::int FROM credit_ledger WHERE user_id = $1 AND kind = 'creator_earning'`,
      [creator.user.id],
    );
    expect(earnings).toEqual([{ delta: 20 }]);
    const [run] = await db.query(`SELECT earning_milli::int FROM prompt_runs WHERE job_id = $1`, [id]);
    expect(run).toEqual({ earning_milli: 20 });
    const [{ uses }] = await db.query(`SELECT uses FROM prompt_templates WHERE id = $1`, [templateId]);
    expect(uses).toBe(1);
    const [{ status }] = await db.query(`SELECT status FROM credit_holds WHERE reference_id = $1`, [id]);
    expect(status).toBe('captured');
    expect(await writers(id, `UNION ALL SELECT xmin::text FROM prompt_runs WHERE job_id = $1`)).toBe(1);
  });

  it('queues a media job with what its worker needs; the worker starts it from the message', async () => {
    const u = await registerUser(t);
    await credits.grant({ userId: u.user.id, amount: 50_000, kind: 'admin_adjustment' });
    const res = await t
      .http()
      .post('/api/v1/tools/image/run')
      .set(bearer(u.accessToken))
      .send({ input: { prompt: `queued whole ${u.user.id}`, size: '256x256' }, cache: false })
      .expect(202);
    const id = res.body.jobId as string;
    // No worker runs beside this app: the message waits in the queue.
    const message = await t.app.get(JobQueueService).find('image', id);
    expect(message?.data).toEqual({
      jobId: id,
      job: expect.objectContaining({ id, userId: u.user.id, kind: 'image', prompt: `queued whole ${u.user.id}` }),
    });
    const data = message!.data;

    const started = await roundTrips(id, async () => expect(await settlement.start(data)).toEqual(data.job));
    expect(started).toBe(1);
    // A message of only the id (an older version's) reads the row in the same statement.
    expect(await settlement.start({ jobId: id })).toMatchObject({ id, userId: u.user.id, cost: data.job!.cost });
    expect(await settlement.cancel(id, u.user.id)).toBe('canceled');
    expect(await settlement.start(data)).toBeNull();
  });
});
