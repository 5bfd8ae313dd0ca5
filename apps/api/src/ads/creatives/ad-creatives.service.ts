import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { isUUID } from 'class-validator';
import { EntityManager, Repository } from 'typeorm';
import type { AdCreativeKind, FieldError } from '@megicai/contracts';
import { appConfig } from '../../config/app.config';
import { StorageService } from '../../storage/storage.service';
import type { StoredObject } from '../../storage/storage-driver';
import { AdsException } from '../ads.exception';
import { AdCreativeRecord } from '../entities/ad-creative.entity';
import { CREATIVE_MEDIA_TYPES, checkCreativeBytes, mediaTypeOfName } from './creative-files';
import { mediaSourceAllows } from './media-sources';

/** Where an uploaded creative is served, relative to the SPA's origin (AdCreativesController). */
export const creativeFileUrl = (name: string) => `/api/v1/ads/creatives/files/${name}`;

export interface AdCreativeView {
  id: string;
  kind: AdCreativeKind;
  title: string;
  src: string;
  clickUrl: string;
  seconds: number;
  weight: number;
  enabled: boolean;
  interactive: boolean;
  uploaded: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What an admin may set. Media: `url` or `upload` for images and videos, `html` for HTML. */
export interface AdCreativeInput {
  kind?: AdCreativeKind;
  title?: string;
  clickUrl?: string;
  seconds?: number;
  weight?: number;
  enabled?: boolean;
  url?: string;
  upload?: string;
  html?: string;
}

export interface CreativeUpload {
  upload: string;
  kind: 'image' | 'video';
  contentType: string;
  size: number;
  url: string;
}

/**
 * House creatives as admins manage them: uploads (checked by magic bytes, kept in asset storage), URL creatives (only
 * on hosts the SPA's CSP can load) and inline HTML. The house network reads the table on every session start, so a
 * change is live for the next session in every process without any cache to drop.
 */
@Injectable()
export class AdCreativesService {
  constructor(
    @InjectRepository(AdCreativeRecord) private readonly creatives: Repository<AdCreativeRecord>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly storage: StorageService,
  ) {}

  async list(): Promise<AdCreativeView[]> {
    return (await this.creatives.find({ order: { createdAt: 'ASC', id: 'ASC' } })).map(toView);
  }

  /** Stores an uploaded file under a new name; a creative then refers to it by `upload`. */
  async saveUpload(contentType: string | undefined, body: unknown): Promise<CreativeUpload> {
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new AdsException('unsupported_media_type', 'Send the file itself as the body, with its Content-Type.');
    }
    const mimeType = checkCreativeBytes(contentType ?? '', body);
    const { ext, kind } = CREATIVE_MEDIA_TYPES[mimeType];
    const name = `${randomUUID()}.${ext}`;
    await this.storage.put(`creatives/${name}`, body, mimeType);
    return { upload: name, kind, contentType: mimeType, size: body.length, url: creativeFileUrl(name) };
  }

  /** An uploaded file for its public route; null when there is none. */
  async file(name: string): Promise<{ object: StoredObject; mimeType: string } | null> {
    const type = mediaTypeOfName(name);
    const object = type ? await this.storage.get(`creatives/${name}`) : null;
    return type && object ? { object, mimeType: type.mimeType } : null;
  }

  /** `manager`: the admin's transaction, so that the change and its audit entry commit together. */
  async create(input: AdCreativeInput & { kind: AdCreativeKind }, manager: EntityManager): Promise<AdCreativeView> {
    const media = await this.media(input.kind, input, true);
    const repo = manager.getRepository(AdCreativeRecord);
    const row = repo.create({
      kind: input.kind,
      title: input.title,
      clickUrl: input.clickUrl,
      seconds: input.seconds,
      weight: input.weight ?? 100,
      active: input.enabled ?? true,
      interactive: false,
      ...media,
    });
    return toView(await repo.save(row));
  }

  /** The row is locked for the change, so that its before and after are exact. */
  async update(
    id: string,
    input: AdCreativeInput,
    manager: EntityManager,
  ): Promise<{ before: AdCreativeView; after: AdCreativeView }> {
    const repo = manager.getRepository(AdCreativeRecord);
    const row = isUUID(id) ? await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!row) throw new AdsException('not_found', 'There is no such creative.');
    const before = toView(row);
    if (row.interactive && (input.url ?? input.upload ?? input.html) !== undefined) {
      throw invalid('html', 'an interactive creative keeps its markup (it is shipped with its engagement script)');
    }
    const media = await this.media(row.kind, input, false);
    const changes: Partial<AdCreativeRecord> = { ...media };
    if (input.title !== undefined) changes.title = input.title;
    if (input.clickUrl !== undefined) changes.clickUrl = input.clickUrl;
    if (input.seconds !== undefined) changes.seconds = input.seconds;
    if (input.weight !== undefined) changes.weight = input.weight;
    if (input.enabled !== undefined) changes.active = input.enabled;
    const saved = await repo.save({ ...row, ...changes });
    return { before, after: toView(saved) };
  }

  /** The columns of the creative's media, checked against its kind; `{}` when an update leaves it alone. */
  private async media(
    kind: AdCreativeKind,
    input: AdCreativeInput,
    required: boolean,
  ): Promise<Pick<AdCreativeRecord, 'src' | 'fileKey'> | Record<string, never>> {
    const given = (['url', 'upload', 'html'] as const).filter((k) => input[k] !== undefined);
    if (given.length > 1) throw invalid(given[1], `give only one of ${given.join(', ')}`);
    const field = given[0];
    if (!field) {
      if (required)
        throw invalid(
          kind === 'html' ? 'html' : 'url',
          `a ${kind} creative needs ${kind === 'html' ? 'html' : 'url or upload'}`,
        );
      return {};
    }
    if (kind === 'html' && field !== 'html') throw invalid(field, 'an html creative takes html');
    if (kind !== 'html' && field === 'html') throw invalid('html', `a ${kind} creative takes url or upload`);
    if (field === 'html') return { src: input.html as string, fileKey: null };
    if (field === 'url') {
      const url = input.url as string;
      if (!mediaSourceAllows(this.app.cspMediaSources, url)) {
        throw invalid('url', 'its host is not in CSP_MEDIA_SOURCES, so the SPA could not load it; upload the file');
      }
      return { src: url, fileKey: null };
    }
    const name = input.upload as string;
    const type = mediaTypeOfName(name);
    const stored = type ? await this.storage.get(`creatives/${name}`) : null;
    stored?.body.destroy();
    if (!type || !stored) throw invalid('upload', 'there is no such upload');
    if (type.kind !== kind) throw invalid('upload', `the upload is a ${type.kind}, not a ${kind}`);
    return { src: creativeFileUrl(name), fileKey: `creatives/${name}` };
  }
}

function invalid(field: string, message: string): AdsException {
  const errors: FieldError[] = [{ field, message }];
  return new AdsException('validation_failed', `${field}: ${message}.`, { errors });
}

function toView(c: AdCreativeRecord): AdCreativeView {
  return {
    id: c.id,
    kind: c.kind,
    title: c.title,
    src: c.src,
    clickUrl: c.clickUrl,
    seconds: c.seconds,
    weight: c.weight,
    enabled: c.active,
    interactive: c.interactive,
    uploaded: c.fileKey !== null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/**
 * A creative as the audit log keeps it: long sources (data: URLs, markup) as their length and hash, so that an entry
 * stays small and still tells whether the media changed.
 */
export function auditSnapshot(view: AdCreativeView): Record<string, unknown> {
  if (view.src.length <= 300) return { ...view };
  const hash = createHash('sha256').update(view.src).digest('hex').slice(0, 16);
  return { ...view, src: `${view.src.slice(0, 40)}… (${view.src.length} chars, sha256 ${hash})` };
}
