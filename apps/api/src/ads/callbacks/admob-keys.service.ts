import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { KeyObject, createPublicKey } from 'node:crypto';
import { adsConfig } from '../../config/ads.config';

interface KeyFile {
  keys?: { keyId?: number | string; pem?: string; base64?: string }[];
}

/** Minimum time between two fetches, so that forged key ids cannot make us hammer the key server. */
const REFETCH_FLOOR_MS = 60_000;

/** AdMob's SSV verifier keys by key id, fetched (or read from config) and cached. */
@Injectable()
export class AdmobKeysService {
  private readonly logger = new Logger(AdmobKeysService.name);
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private inflight: Promise<void> | null = null;

  constructor(@Inject(adsConfig.KEY) private readonly cfg: ConfigType<typeof adsConfig>) {}

  async get(keyId: string): Promise<KeyObject | undefined> {
    const age = Date.now() - this.fetchedAt;
    const stale = age > this.cfg.admobKeysCacheSeconds * 1000;
    if (stale || (!this.keys.has(keyId) && age > REFETCH_FLOOR_MS)) await this.refresh();
    return this.keys.get(keyId);
  }

  private refresh(): Promise<void> {
    this.inflight ??= this.load()
      .then((keys) => {
        this.keys = keys;
      })
      .catch((error: unknown) => this.logger.warn(`AdMob verifier keys not loaded: ${String(error)}`))
      .finally(() => {
        this.fetchedAt = Date.now();
        this.inflight = null;
      });
    return this.inflight;
  }

  private async load(): Promise<Map<string, KeyObject>> {
    const file: KeyFile = this.cfg.admobKeysJson
      ? (JSON.parse(this.cfg.admobKeysJson) as KeyFile)
      : ((await (await fetch(this.cfg.admobKeysUrl, { signal: AbortSignal.timeout(5000) })).json()) as KeyFile);
    const keys = new Map<string, KeyObject>();
    for (const k of file.keys ?? []) {
      if (k.keyId === undefined) continue;
      const key = k.pem
        ? createPublicKey(k.pem)
        : k.base64
          ? createPublicKey({ key: Buffer.from(k.base64, 'base64'), format: 'der', type: 'spki' })
          : undefined;
      if (key) keys.set(String(k.keyId), key);
    }
    return keys;
  }
}
