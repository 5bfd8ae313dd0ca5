import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { storageConfig } from '../config/storage.config';
import { LocalStorageDriver } from './local-storage.driver';
import { S3StorageDriver } from './s3-storage.driver';
import type { StorageDriver, StoredObject } from './storage-driver';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
};

/**
 * Asset bytes (local disk or S3-compatible) and signed, expiring links to them, so that `<img src>` works without
 * an Authorization header while nobody else can guess a URL.
 */
@Injectable()
export class StorageService {
  private readonly driver: StorageDriver;

  constructor(@Inject(storageConfig.KEY) private readonly config: ConfigType<typeof storageConfig>) {
    this.driver = config.driver === 's3' ? new S3StorageDriver(config) : new LocalStorageDriver(config.dir);
  }

  static keyFor(jobId: string, index: number, mimeType: string): string {
    return `jobs/${jobId}/${index}.${EXTENSIONS[mimeType] ?? 'bin'}`;
  }

  put(key: string, data: Buffer, mimeType: string): Promise<void> {
    return this.driver.put(key, data, mimeType);
  }

  get(key: string): Promise<StoredObject | null> {
    return this.driver.get(key);
  }

  remove(key: string): Promise<void> {
    return this.driver.remove(key);
  }

  /** `path?expires=…&signature=…`, valid for the configured lifetime. */
  signedUrl(path: string, now = Date.now()): string {
    // Rounded up to the minute so that repeated polls give the same URL and the browser cache works.
    const expires = Math.ceil((now / 1000 + this.config.urlTtlSeconds) / 60) * 60;
    return `${path}?expires=${expires}&signature=${this.sign(path, expires)}`;
  }

  verify(path: string, expires: string | undefined, signature: string | undefined, now = Date.now()): boolean {
    const at = Number(expires);
    if (!signature || !Number.isSafeInteger(at) || at * 1000 < now) return false;
    const expected = Buffer.from(this.sign(path, at));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private sign(path: string, expires: number): string {
    return createHmac('sha256', this.config.urlSecret).update(`${path}\n${expires}`).digest('base64url');
  }
}
