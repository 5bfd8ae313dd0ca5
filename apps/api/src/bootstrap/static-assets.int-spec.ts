import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createApp } from './create-app';

/** The SPA as the API serves it: precompressed bytes, immutable hashed assets, a revalidated index, no maps. */
describe('static SPA assets', () => {
  let app: NestFastifyApplication;
  let dist: string;
  const js = 'console.log("megicai");'.repeat(50);

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'megicai-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>MegicAI</title>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), js);
    writeFileSync(join(dist, 'assets', 'index-abc123.js.br'), brotliCompressSync(js));
    writeFileSync(join(dist, 'assets', 'index-abc123.js.gz'), gzipSync(js));
    writeFileSync(join(dist, 'assets', 'index-abc123.js.map'), '{"version":3}');
    app = await createApp({ logger: false, webDist: dist });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers });

  it('sends the brotli copy of a hashed asset, cached for a year as immutable', async () => {
    const res = await get('/assets/index-abc123.js', { 'accept-encoding': 'br, gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.length).toBeLessThan(js.length);
  });

  it('falls back to gzip, then to the plain file', async () => {
    expect((await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe(
      'gzip',
    );
    const plain = await get('/assets/index-abc123.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
  });

  it('revalidates index.html on every visit, also for client-side routes', async () => {
    for (const url of ['/', '/credits', '/tools/abc']) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('never serves source maps', async () => {
    const res = await get('/assets/index-abc123.js.map');
    expect(res.body).not.toContain('"version":3');
  });
});
