import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AdCreativeKind } from '@megicai/contracts';
import { AdsException } from '../ads.exception';

/** The route that takes an uploaded creative's bytes as its raw body (AdminAdCreativesController). */
export const CREATIVE_UPLOAD_ROUTE = '/api/v1/admin/ads/creatives/uploads';
/** Large enough for a short 720p clip; the house network plays them muted and looped. */
export const MAX_CREATIVE_BYTES = 10 * 1024 * 1024;

interface MediaType {
  ext: string;
  kind: Extract<AdCreativeKind, 'image' | 'video'>;
  /** True when the first bytes are this format's signature. */
  sniff: (b: Buffer) => boolean;
}

const ascii = (b: Buffer, at: number, text: string) => b.subarray(at, at + text.length).toString('latin1') === text;

/**
 * What may be uploaded, each checked by its magic bytes: never SVG or HTML (a script served from our origin), and the
 * declared Content-Type must be what the bytes are.
 */
export const CREATIVE_MEDIA_TYPES: Record<string, MediaType> = {
  'image/png': { ext: 'png', kind: 'image', sniff: (b) => ascii(b, 0, '\x89PNG\r\n\x1a\n') },
  'image/jpeg': {
    ext: 'jpg',
    kind: 'image',
    sniff: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  'image/gif': { ext: 'gif', kind: 'image', sniff: (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a') },
  'image/webp': { ext: 'webp', kind: 'image', sniff: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP') },
  'video/mp4': { ext: 'mp4', kind: 'video', sniff: (b) => ascii(b, 4, 'ftyp') },
  'video/webm': { ext: 'webm', kind: 'video', sniff: (b) => ascii(b, 0, '\x1a\x45\xdf\xa3') },
};

/** `<uuid>.<ext>`: the name an upload is known by (its storage key is `creatives/<name>`). */
export const CREATIVE_FILE_NAME =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(png|jpg|gif|webp|mp4|webm)$/;

export function mediaTypeOfName(name: string): { mimeType: string; kind: MediaType['kind'] } | null {
  if (!CREATIVE_FILE_NAME.test(name)) return null;
  const ext = name.slice(name.lastIndexOf('.') + 1);
  const entry = Object.entries(CREATIVE_MEDIA_TYPES).find(([, t]) => t.ext === ext);
  return entry ? { mimeType: entry[0], kind: entry[1].kind } : null;
}

/** The allowed type the bytes really are, given the declared one; throws `unsupported_media_type` otherwise. */
export function checkCreativeBytes(declared: string, bytes: Buffer): string {
  const mimeType = declared.split(';')[0].trim().toLowerCase();
  const type = CREATIVE_MEDIA_TYPES[mimeType];
  if (!type) {
    throw new AdsException(
      'unsupported_media_type',
      `Uploads must be one of ${Object.keys(CREATIVE_MEDIA_TYPES).join(', ')}.`,
    );
  }
  if (!type.sniff(bytes)) {
    throw new AdsException('unsupported_media_type', `The file is not a ${mimeType} file.`);
  }
  return mimeType;
}

/**
 * Raw bodies of the allowed media types, for the upload route only (any other route answers 415 to them, as before),
 * up to MAX_CREATIVE_BYTES. No multipart: the SPA sends the File itself, and the JSON limit (1 MiB) stays as it is.
 */
export function registerCreativeUploadParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    Object.keys(CREATIVE_MEDIA_TYPES),
    { parseAs: 'buffer', bodyLimit: MAX_CREATIVE_BYTES },
    (request: FastifyRequest, body: Buffer | string, done: (err: Error | null, body?: unknown) => void) => {
      if (request.routeOptions.url !== CREATIVE_UPLOAD_ROUTE) {
        return done(new AdsException('unsupported_media_type', 'This route takes JSON.'), undefined);
      }
      done(null, body);
    },
  );
}
