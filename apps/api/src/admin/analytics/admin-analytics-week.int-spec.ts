import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AnalyticsRollupService } from '../../analytics-events/analytics-rollup.service';
import { bearer, createTestApp, loginAdmin, TestApp } from '../../../test/test-app';

/** An event as seeded: every column, the instant included. */
interface Seed {
  at: string;
  type: string;
  user_id?: string;
  tool_id?: string;
  provider?: string;
  kind?: string;
  amount?: number;
  latency_ms?: number;
  ok?: boolean;
}

const DAY_MS = 24 * 3600 * 1000;
/** A week 40 to 34 days ago: inside the raw events' retention, and no other spec acts on those days. */
const DAYS = Array.from({ length: 7 }, (_, i) => new Date(Date.now() - (40 - i) * DAY_MS).toISOString().slice(0, 10));
const ECPM_TEXT = 8;
const RUN_COST_TEXT = 0.0005;

/**
 * A week of known events, and what the report must say about it, counted
 * from the seed itself. On each day d (1…7): d sign-ups (each with its bonus and a login), 2d ads started and d
 * completed (with their reward), and three runs of one tool: one where provider `alpha` fails and `beta` answers
 * (a fallback), one cache hit, and one where both fail (refunded).
 */
function seedWeek(toolId: string): Seed[] {
  const events: Seed[] = [];
  DAYS.forEach((day, i) => {
    const at = (h: number) => `${day}T${String(h).padStart(2, '0')}:00:00Z`;
    const users = Array.from({ length: i + 1 }, () => randomUUID());
    for (const user of users) {
      events.push({ at: at(1), type: 'signup', user_id: user });
      events.push({ at: at(1), type: 'credit', user_id: user, kind: 'signup_bonus', amount: 5000 });
      events.push({ at: at(2), type: 'login', user_id: user });
      events.push({ at: at(3), type: 'ad_started', user_id: user, kind: 'text' });
      events.push({ at: at(3), type: 'ad_started', user_id: user, kind: 'text' });
      events.push({ at: at(4), type: 'ad_completed', user_id: user, kind: 'text' });
      events.push({ at: at(4), type: 'credit', user_id: user, kind: 'ad_reward', amount: 1000 });
    }
    const run = { user_id: users[0], tool_id: toolId, kind: 'text' };
    // Fallback: alpha fails, beta answers.
    events.push({ at: at(5), type: 'run_accepted', ...run, amount: 2000 });
    events.push({ at: at(5), type: 'credit', user_id: users[0], kind: 'tool_spend', amount: -2000 });
    events.push({ at: at(5), type: 'attempt', ...run, provider: 'alpha', ok: false, latency_ms: 120 });
    events.push({ at: at(5), type: 'attempt', ...run, provider: 'beta', ok: true, latency_ms: 300 + i * 100 });
    events.push({ at: at(5), type: 'run_succeeded', ...run, provider: 'beta', latency_ms: 300 + i * 100 });
    // A cache hit.
    events.push({ at: at(6), type: 'run_accepted', ...run, amount: 0 });
    events.push({ at: at(6), type: 'cache_hit', ...run, provider: 'beta' });
    // Both fail: refunded.
    events.push({ at: at(7), type: 'run_accepted', ...run, amount: 2000 });
    events.push({ at: at(7), type: 'credit', user_id: users[0], kind: 'tool_spend', amount: -2000 });
    events.push({ at: at(7), type: 'attempt', ...run, provider: 'alpha', ok: false, latency_ms: 110 });
    events.push({ at: at(7), type: 'attempt', ...run, provider: 'beta', ok: false });
    events.push({ at: at(7), type: 'run_failed', ...run, amount: 2000 });
    events.push({ at: at(7), type: 'credit', user_id: users[0], kind: 'tool_refund', amount: 2000 });
  });
  return events;
}

/** What the seed implies for one day, counted from it. */
function expectedDay(seed: Seed[], date: string) {
  const of = seed.filter((e) => e.at.startsWith(date));
  const count = (type: string) => of.filter((e) => e.type === type).length;
  const credits = of.filter((e) => e.type === 'credit').map((e) => e.amount ?? 0);
  const adRevenue = (count('ad_completed') * ECPM_TEXT) / 1000;
  const providerCost = of.filter((e) => e.type === 'run_succeeded').length * RUN_COST_TEXT;
  const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
  return {
    date,
    dau: new Set(of.map((e) => e.user_id).filter(Boolean)).size,
    newUsers: count('signup'),
    adStarted: count('ad_started'),
    adCompleted: count('ad_completed'),
    creditsEarned: credits.filter((a) => a > 0).reduce((a, b) => a + b, 0) / 1000,
    creditsSpent: -credits.filter((a) => a < 0).reduce((a, b) => a + b, 0) / 1000,
    runs: count('run_accepted'),
    failedRuns: count('run_failed'),
    cacheHits: count('cache_hit'),
    adRevenue: round4(adRevenue),
    providerCost: round4(providerCost),
    margin: round4(adRevenue - providerCost),
  };
}

describe('Admin analytics over a seeded week (integration)', () => {
  let t: TestApp;
  let admin: string;
  let db: DataSource;
  let rollups: AnalyticsRollupService;
  let toolId: string;
  let seed: Seed[];
  const week = { from: DAYS[0], to: DAYS[6] };

  beforeAll(async () => {
    t = await createTestApp({ ANALYTICS_EVENTS_RETENTION_DAYS: '90' });
    admin = (await loginAdmin(t)).accessToken;
    db = t.app.get(DataSource);
    rollups = t.app.get(AnalyticsRollupService);
    toolId = (await t.http().get('/api/v1/tools/summarize').expect(200)).body.id as string;
    seed = seedWeek(toolId);
  });
  afterAll(() => t.close());

  const insert = (events: Seed[]) =>
    db.query(
      `INSERT INTO analytics_events (at, type, user_id, tool_id, provider, kind, amount, latency_ms, ok)
       SELECT at, type, user_id, tool_id, provider, kind, amount, latency_ms, ok
         FROM jsonb_to_recordset($1::jsonb) AS e(at timestamptz, type text, user_id uuid, tool_id uuid,
              provider text, kind text, amount bigint, latency_ms int, ok boolean)`,
      [JSON.stringify(events)],
    );
  const report = async () =>
    (await t.http().get('/api/v1/admin/analytics').query(week).set(bearer(admin)).expect(200)).body;

  /** The numbers the seed implies, asserted on a report. */
  const expectSeedNumbers = (body: Record<string, unknown> & Record<string, never>) => {
    expect(body.days).toEqual(DAYS.map((d) => expectedDay(seed, d)));
    expect(body.dau).toEqual(DAYS.map((d) => ({ date: d, users: expectedDay(seed, d).dau })));
    const count = (type: string) => seed.filter((e) => e.type === type).length;
    expect(body.ads).toEqual({
      started: count('ad_started'),
      completed: count('ad_completed'),
      conversion: count('ad_completed') / count('ad_started'),
      byTier: [{ tier: 'text', started: count('ad_started'), completed: count('ad_completed') }],
    });
    const sum = (kind: string) =>
      seed.filter((e) => e.type === 'credit' && e.kind === kind).reduce((n, e) => n + (e.amount ?? 0), 0) / 1000;
    expect(body.credits).toEqual({
      earnedByKind: { signup_bonus: sum('signup_bonus'), ad_reward: sum('ad_reward'), tool_refund: sum('tool_refund') },
      spentByKind: { tool_spend: -sum('tool_spend') },
      spentByTool: [{ toolId, name: 'Summarize', credits: -(sum('tool_spend') + sum('tool_refund')) }],
    });
    expect(body.runs).toEqual({
      byTool: [{ toolId, name: 'Summarize', kind: 'text', runs: count('run_accepted'), failed: count('run_failed') }],
      byProvider: [
        { provider: 'beta', runs: count('run_succeeded') + count('cache_hit'), failed: 0 },
        { provider: 'none', runs: count('run_failed'), failed: count('run_failed') },
      ],
    });
    const calls = (p: string) => seed.filter((e) => e.type === 'attempt' && e.provider === p);
    const rate = (p: string) => Math.round((calls(p).filter((e) => !e.ok).length / calls(p).length) * 10_000) / 10_000;
    const providers = body.providers as unknown as { provider: string; runs: number; errorRate: number }[];
    // alpha failed every call (each a fallback to beta), beta half of them.
    expect(providers.find((p) => p.provider === 'alpha')).toMatchObject({ runs: calls('alpha').length, errorRate: 1 });
    expect(providers.find((p) => p.provider === 'beta')).toMatchObject({
      runs: calls('beta').length,
      errorRate: rate('beta'),
    });
    const alpha = providers.find((p) => p.provider === 'alpha') as unknown as Record<string, number>;
    expect(alpha.latencyP50Ms).toBeGreaterThanOrEqual(100);
    expect(alpha.latencyP95Ms).toBeLessThanOrEqual(150);
    const beta = providers.find((p) => p.provider === 'beta') as unknown as Record<string, number>;
    // beta's timed calls: 300…900 ms, one a day: the median bucket is [500, 750), the p95 one [750, 1000).
    expect(beta.latencyP50Ms).toBeGreaterThanOrEqual(500);
    expect(beta.latencyP50Ms).toBeLessThan(750);
    expect(beta.latencyP95Ms).toBeGreaterThanOrEqual(750);
    expect(beta.latencyP95Ms).toBeLessThanOrEqual(1000);
    expect(body.cache).toEqual({
      hits: count('cache_hit'),
      misses: count('run_accepted') - count('cache_hit'),
      hitRate: Math.round((count('cache_hit') / count('run_accepted')) * 10_000) / 10_000,
    });
    expect(body.revenue).toEqual({
      estimatedAdRevenue: Math.round(((count('ad_completed') * ECPM_TEXT) / 1000) * 100) / 100,
      estimatedProviderCost: Math.round(count('run_succeeded') * RUN_COST_TEXT * 100) / 100,
      currency: 'USD',
    });
  };

  it('gives the seed numbers from the live tail, from the rollups, and from both mixed; rolling twice adds nothing', async () => {
    const half = Math.floor(seed.length / 2);
    await insert(seed.slice(0, half));
    await rollups.rollup(0);
    await insert(seed.slice(half));
    // Part rolled up, part still in the tail past the watermark.
    expectSeedNumbers(await report());
    // Two rollups at once: one holds the lock, nothing is counted twice.
    await Promise.all([rollups.rollup(0), rollups.rollup(0)]);
    expectSeedNumbers(await report());
    await rollups.rollup(0);
    expectSeedNumbers(await report());
  });

  it('deletes raw events past the retention once rolled up: the rollups keep their numbers', async () => {
    const users = Array.from({ length: 3 }, () => randomUUID());
    await insert(users.map((user_id) => ({ at: '2020-03-01T10:00:00Z', type: 'signup', user_id })));
    await rollups.rollup(0);
    const [{ n }]: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM analytics_events WHERE at < '2020-03-02' AND user_id = ANY ($1::uuid[])`,
      [users],
    );
    expect(n).toBe(0);
    const old = await t
      .http()
      .get('/api/v1/admin/analytics')
      .query({ from: '2020-03-01', to: '2020-03-01' })
      .set(bearer(admin))
      .expect(200);
    expect(old.body.days[0]).toMatchObject({ newUsers: 3, dau: 3 });
    // The seeded week, inside the retention, keeps its raw events.
    const [{ kept }]: { kept: number }[] = await db.query(
      `SELECT count(*)::int AS kept FROM analytics_events WHERE at >= $1::date AND at < $2::date + 1`,
      [DAYS[0], DAYS[6]],
    );
    expect(kept).toBe(seed.length);
  });

  it('exports the same daily numbers as CSV', async () => {
    const res = await t.http().get('/api/v1/admin/analytics.csv').query(week).set(bearer(admin)).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...lines] = (res.text as string).trim().split('\r\n');
    const columns = header.split(',');
    expect(columns).toEqual(Object.keys(expectedDay(seed, DAYS[0])));
    const rows = lines.map((line) =>
      Object.fromEntries(line.split(',').map((v, i) => [columns[i], i === 0 ? v : Number(v)])),
    );
    expect(rows).toEqual(DAYS.map((d) => expectedDay(seed, d)));
    expect(rows).toEqual((await report()).days);
  });
});
