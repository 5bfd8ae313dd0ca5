import type { ConfigType } from '@nestjs/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { storageConfig } from '../config/storage.config';
import { StorageService } from './storage.service';

describe('StorageService', () => {
  const dir = mkdtempSync(join(tmpdir(), 'megicai-storage-'));
  const storage = new StorageService({
    driver: 'local',
    dir,
    s3Region: 'us-east-1',
    urlSecret: 'a-test-secret-of-some-length',
    urlTtlSeconds: 60,
  } as ConfigType<typeof storageConfig>);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('signs links that expire and cannot be moved to another path', () => {
    const now = Date.now();
    const url = storage.signedUrl('/api/v1/assets/j/0', now);
    const params = new URL(url, 'http://x').searchParams;
    const [expires, signature] = [params.get('expires') ?? undefined, params.get('signature') ?? undefined];
    expect(storage.verify('/api/v1/assets/j/0', expires, signature, now)).toBe(true);
    expect(storage.verify('/api/v1/assets/j/1', expires, signature, now)).toBe(false);
    expect(storage.verify('/api/v1/assets/j/0', String(Number(expires) + 60), signature, now)).toBe(false);
    expect(storage.verify('/api/v1/assets/j/0', expires, signature, now + 200_000)).toBe(false);
    expect(storage.verify('/api/v1/assets/j/0', expires, undefined, now)).toBe(false);
    expect(storage.verify('/api/v1/assets/j/0', 'soon', signature, now)).toBe(false);
  });

  it('stores and reads back bytes on local disk, and refuses keys outside its folder', async () => {
    await storage.put('jobs/a/0.png', Buffer.from('png-bytes'), 'image/png');
    const object = await storage.get('jobs/a/0.png');
    const chunks: Buffer[] = [];
    for await (const chunk of object!.body) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('png-bytes');
    expect(object!.size).toBe(9);
    expect(await storage.get('jobs/a/missing.png')).toBeNull();
    await expect(storage.put('../escape.png', Buffer.from('x'), 'image/png')).rejects.toThrow(/escapes/);
    expect(StorageService.keyFor('id', 2, 'audio/wav')).toBe('jobs/id/2.wav');
  });
});
