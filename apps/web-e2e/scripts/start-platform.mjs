#!/usr/bin/env node
/**
 * Starts the whole platform for the Playwright specs the way production runs it, on data of its own:
 *  1. creates a fresh PostgreSQL database `megicai_e2e_<random>`;
 *  2. starts the built API (`node apps/api/dist/main.js`), which applies the migrations itself and serves the
 *     built SPA at `/` and the API under `/api/v1`, with a Redis key prefix of its own;
 *  3. starts a local SMTP server (the `smtp-server` package) that the API sends its mail to, and appends every mail
 *     it receives, parsed, as one JSON line to apps/web-e2e/.artifacts/mailbox-<E2E_PORT>.jsonl (specs read links
 *     from there: support/mailbox.ts);
 *  4. on SIGTERM / SIGINT (Playwright's gracefulShutdown, or Ctrl-C) stops the API and drops the database.
 * The API's logs go to apps/web-e2e/.artifacts/api-<random>.log; its last lines are printed if it dies.
 *
 * Run it by hand to click around an e2e platform: `node apps/web-e2e/scripts/start-platform.mjs`
 * (E2E_PORT, default 3210; PG_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const port = process.env.E2E_PORT ?? '3210';
const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const suffix = randomBytes(4).toString('hex');
const database = `megicai_e2e_${suffix}`;
const artifacts = resolve(root, 'apps/web-e2e/.artifacts');
const logPath = resolve(artifacts, `api-${suffix}.log`);

const log = (message) => console.log(`[start-platform] ${message}`);

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function databaseUrl() {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

let dropped = false;
async function dropDatabase() {
  if (dropped) return;
  dropped = true;
  try {
    // FORCE ends the connections the API may still hold (PostgreSQL 13+).
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    log(`dropped database ${database}`);
  } catch (error) {
    console.error(`[start-platform] could not drop ${database}: ${error.message}`);
  }
}

function tail(path, lines = 40) {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** A plain local SMTP relay on a free port: each mail becomes `{to, subject, text}` on one line of the mailbox. */
async function startMailbox() {
  const path = resolve(artifacts, `mailbox-${port}.jsonl`);
  writeFileSync(path, '');
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address));
        appendFileSync(path, `${JSON.stringify({ to, subject: mail.subject, text: mail.text })}\n`);
        callback();
      }, callback);
    },
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  log(`SMTP server on 127.0.0.1:${server.server.address().port} (mailbox: ${path})`);
  return { server, url: `smtp://127.0.0.1:${server.server.address().port}` };
}

mkdirSync(artifacts, { recursive: true });
const mailbox = await startMailbox();
await admin(`CREATE DATABASE "${database}"`);
log(`created database ${database}`);

const logFile = createWriteStream(logPath);
// E2E_API_ENTRY runs another build of the API (say, a copy under tmp/) without touching apps/api/dist.
const entry = resolve(root, process.env.E2E_API_ENTRY ?? 'apps/api/dist/main.js');
const api = spawn(process.execPath, [entry], {
  cwd: root,
  env: {
    ...process.env,
    NODE_ENV: 'test',
    PORT: port,
    DATABASE_URL: databaseUrl(),
    REDIS_PREFIX: `e2e-${suffix}`,
    WEB_DIST: resolve(root, 'apps/web/dist'),
    RUN_WORKER: process.env.RUN_WORKER ?? 'process',
    ADMIN_EMAIL: 'admin@megicai.test',
    ADMIN_PASSWORD: 'admin-password-e2e',
    RATE_LIMIT_PER_MINUTE: '100000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    // Every journey logs in from 127.0.0.1 (some with wrong passwords on purpose) and may refer several sign-ups.
    LOGIN_ADDRESS_FREE_FAILURES: '100000',
    REFERRAL_ADDRESS_DAILY_CAP: '100000',
    OFFLINE_DELAY_MS: '300',
    // Slow enough that the chat journey can press Stop while an answer streams (40 ms a token at most).
    OFFLINE_TEXT_STREAM_MS: '3000',
    // The webhooks journey's receiver listens on 127.0.0.1.
    WEBHOOKS_ALLOW_PRIVATE: 'true',
    SMTP_URL: mailbox.url,
    // GAM is configured but off the waterfall (only house) until ads-waterfall.spec turns it on; its script URL
    // answers 404 (onerror at once) unless a spec serves a stand-in GPT there with page.route.
    ADS_NETWORKS: 'house',
    ADS_GAM_AD_UNIT_PATH: '/e2e/megicai_rewarded',
    ADS_GAM_SCRIPT_URL: `http://127.0.0.1:${port}/api/e2e/gpt.js`,
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
api.stdout.pipe(logFile);
api.stderr.pipe(logFile);
log(`API pid ${api.pid} on http://127.0.0.1:${port} (logs: ${logPath})`);

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping the API`);
  if (api.exitCode === null && api.signalCode === null) {
    api.kill('SIGTERM');
    const killer = setTimeout(() => api.kill('SIGKILL'), 8_000);
    await new Promise((done) => api.once('exit', done));
    clearTimeout(killer);
  }
  mailbox.server.close();
  await dropDatabase();
  process.exit(0);
}

process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

api.on('exit', async (code, signal) => {
  if (stopping) return;
  console.error(`[start-platform] the API exited (code ${code}, signal ${signal}); last lines of its log:`);
  console.error(tail(logPath));
  await dropDatabase();
  process.exit(code || 1);
});
