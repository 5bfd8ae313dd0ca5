/**
 * Marketplace search latency on 100,000 published templates.
 *
 * Creates `megicai_bench_marketplace_<random>`, boots the marketplace module (config, database with its migrations,
 * MarketplaceModule) as a Nest application context, seeds templates with one generate_series statement, then times
 * PromptSearchService.search (the SQL plus the view shaping, creator names included) over a few hundred varied
 * queries: full text with each sort, filters by tool and kind, browsing without words, second pages. Prints p50 / p95
 * / p99 per group and overall, then drops the database (also on an error or Ctrl-C).
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { PromptSort, ToolKind } from '@megicai/contracts';
import { AppConfigModule } from '../../../apps/api/src/config/config.module';
import { DatabaseModule } from '../../../apps/api/src/database/database.module';
import { MarketplaceModule } from '../../../apps/api/src/marketplace/marketplace.module';
import { RedisModule } from '../../../apps/api/src/redis/redis.module';
import { PromptSearch, PromptSearchService } from '../../../apps/api/src/marketplace/prompt-search.service';

const TEMPLATES = Number(process.env.BENCH_TEMPLATES ?? 100_000);
const CREATORS = Number(process.env.BENCH_CREATORS ?? 2_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 400);
const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Words of the seeded texts; queries draw from the same list, so matches range from rare to common. */
const VOCABULARY = (
  'story poem email essay blog outline summary translate rewrite explain code python javascript sql recipe travel ' +
  'marketing product launch tweet thread headline slogan resume cover letter interview lesson plan quiz history ' +
  'science physics chemistry biology math tutor beginner advanced formal casual funny serious persuasive review ' +
  'critique feedback meeting notes agenda report analysis strategy business startup pitch investor finance budget ' +
  'fitness workout diet meal health sleep meditation poster logo portrait landscape anime watercolor cyberpunk ' +
  'fantasy dragon castle forest ocean city night sunset retro minimal vintage neon podcast intro voice narration ' +
  'jingle song lyrics melody trailer animation explainer tutorial onboarding support apology invitation birthday ' +
  'wedding holiday newsletter press release seo keywords ad copy landing page faq documentation api changelog'
).split(' ');

function createSeedSql(): string {
  // Deterministic pseudo-random picks from the row number (hashtext), so runs are comparable.
  const pick = (salt: string) =>
    `(ARRAY[${VOCABULARY.map((w) => `'${w}'`).join(',')}])[1 + abs(hashtext(g::text || '${salt}')) % ${VOCABULARY.length}]`;
  const words = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => pick(`${prefix}${i}`)).join(` || ' ' || `);
  return `
    WITH tools AS (SELECT array_agg(id ORDER BY slug) AS ids, array_agg(kind ORDER BY slug) AS kinds, count(*)::int AS n FROM tools),
         creators AS (SELECT array_agg(id) AS ids FROM users)
    INSERT INTO prompt_templates (creator_id, tool_id, tool_kind, title, description, tags, template, variables, status,
                                  version, published_at, rating_count, rating_sum, top_score, uses, runs_30d)
    SELECT c.ids[1 + g % ${CREATORS}],
           t.ids[1 + g % t.n], t.kinds[1 + g % t.n],
           initcap(${words('t', 3)}),
           'A template for ' || ${words('d', 10)},
           ARRAY[${pick('x')}, ${pick('y')}],
           'Write a {{tone:formal|casual}} text about {{topic}}',
           '[{"name":"tone","label":"Tone","default":null,"choices":["formal","casual"],"maxLength":null},{"name":"topic","label":"Topic","default":null,"choices":null,"maxLength":null}]'::jsonb,
           'published', 1,
           now() - (abs(hashtext(g::text || 'p')) % 31536000) * interval '1 second',
           r.n, r.sum, (10 * 3.5 + r.sum)::float8 / (10 + r.n),
           0, 0
      FROM generate_series(1, ${TEMPLATES}) g
      CROSS JOIN tools t CROSS JOIN creators c
      CROSS JOIN LATERAL (SELECT abs(hashtext(g::text || 'n')) % 200 AS n) n0
      CROSS JOIN LATERAL (SELECT n0.n, n0.n * (1 + abs(hashtext(g::text || 's')) % 5) AS sum) r`;
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function queries(toolIds: string[]): { group: string; query: PromptSearch; secondPage?: boolean }[] {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const any = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const sorts: PromptSort[] = ['top', 'new', 'popular'];
  const kinds: ToolKind[] = ['text', 'image', 'audio', 'video'];
  const out: { group: string; query: PromptSearch; secondPage?: boolean }[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const sort = any(sorts);
    const q = rand() < 0.3 ? `${any(VOCABULARY)} ${any(VOCABULARY)}` : any(VOCABULARY);
    switch (i % 8) {
      case 0:
        out.push({ group: `browse (no words), sort=${sort}`, query: { sort, limit: 20 } });
        break;
      case 1:
        out.push({ group: 'words + toolId', query: { q, sort, toolId: any(toolIds), limit: 20 } });
        break;
      case 2:
        out.push({ group: 'words + kind', query: { q, sort, kind: any(kinds), limit: 20 } });
        break;
      case 3:
        out.push({ group: 'words, second page', query: { q, sort, limit: 20 }, secondPage: true });
        break;
      default:
        out.push({ group: `words, sort=${sort}`, query: { q, sort, limit: 20 } });
    }
  }
  return out;
}

/** Only what search needs: config, the database (which applies the migrations) and the marketplace. */
@Module({ imports: [AppConfigModule, DatabaseModule, RedisModule, MarketplaceModule] })
class BenchModule {}

async function main(): Promise<void> {
  const database = `megicai_bench_marketplace_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  process.env.DATABASE_URL = url.toString();
  process.env.LOG_LEVEL ??= 'warn';
  await admin(`CREATE DATABASE ${database}`);
  let app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>> | undefined;
  const cleanup = async () => {
    await app?.close().catch(() => undefined);
    if (process.env.BENCH_KEEP_DB === '1') console.log(`kept database ${database}`);
    else await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
    const db = app.get(DataSource);
    const search = app.get(PromptSearchService);

    let started = performance.now();
    await db.query(
      `INSERT INTO users (email, password_hash, display_name, referral_code)
       SELECT 'creator' || g || '@bench.test', 'x', 'Creator ' || g, 'B' || lpad(g::text, 7, '0')
         FROM generate_series(1, ${CREATORS}) g`,
    );
    await db.query(createSeedSql());
    // Runs in the last 30 days, skewed toward a few templates as real popularity is; runs_30d and uses follow them,
    // as payCreator keeps them.
    await db.query(
      `INSERT INTO prompt_runs (job_id, template_id, version, creator_id, runner_id, cost_milli, earning_milli, created_at)
       SELECT gen_random_uuid(), t.ids[1 + floor(${TEMPLATES} * power(random(), 3))::int], 1, c.ids[1], c.ids[2], 1000, 20,
              now() - random() * interval '29 days'
         FROM generate_series(1, ${RUNS}) g
        CROSS JOIN (SELECT array_agg(id) AS ids FROM prompt_templates) t
        CROSS JOIN (SELECT array_agg(id) AS ids FROM users) c`,
    );
    await db.query(
      `UPDATE prompt_templates p SET runs_30d = r.n, uses = r.n
         FROM (SELECT template_id, count(*)::int AS n FROM prompt_runs GROUP BY template_id) r WHERE p.id = r.template_id`,
    );
    await db.query(`VACUUM ANALYZE prompt_templates`);
    await db.query(`VACUUM ANALYZE prompt_runs`);
    const seededMs = performance.now() - started;
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM prompt_templates WHERE status = 'published'`,
    );
    console.log(
      `seeded ${count} published templates (${CREATORS} creators, ${RUNS} runs) in ${(seededMs / 1000).toFixed(1)} s`,
    );

    const toolIds: string[] = (await db.query(`SELECT id FROM tools`)).map((r: { id: string }) => r.id);
    const plan = queries(toolIds);
    // Warm-up (not counted): the first queries pay for plan caching and cold buffers.
    for (const { query } of plan.slice(0, 30)) await search.search(query);

    const byGroup = new Map<string, number[]>();
    const all: number[] = [];
    let hits = 0;
    for (const { group, query, secondPage } of plan) {
      let cursor: string | undefined;
      if (secondPage) {
        cursor = (await search.search(query)).nextCursor ?? undefined;
        if (!cursor) continue;
      }
      started = performance.now();
      const page = await search.search({ ...query, cursor });
      const ms = performance.now() - started;
      hits += page.items.length;
      all.push(ms);
      byGroup.set(group, [...(byGroup.get(group) ?? []), ms]);
    }
    const line = (label: string, values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const f = (n: number) => n.toFixed(1).padStart(6);
      console.log(
        `${label.padEnd(34)} n=${String(values.length).padStart(4)}  p50 ${f(percentile(sorted, 50))} ms  p95 ${f(percentile(sorted, 95))} ms  p99 ${f(percentile(sorted, 99))} ms`,
      );
    };
    console.log(
      `\nsearch latency through PromptSearchService.search (limit 20, ${all.length} timed queries, ${hits} rows returned)`,
    );
    for (const [group, values] of [...byGroup.entries()].sort()) line(group, values);
    line('ALL', all);
    const p95 = percentile(
      [...all].sort((a, b) => a - b),
      95,
    );
    console.log(`\np95 ${p95.toFixed(1)} ms (target < 50 ms): ${p95 < 50 ? 'met' : 'NOT met'}`);
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
