import type { FastifyInstance } from 'fastify';
import { AppException } from '../errors/app.exception';

/**
 * Deeper JSON than any of our bodies needs. JSON.parse itself copes with 10,000 levels, but the validation pipe,
 * class-transformer and everything after it recurse per level: refuse before parsing, in one linear scan.
 */
export const MAX_JSON_DEPTH = 64;

export class HostileInputException extends AppException<'validation_failed' | 'invalid_json'> {}

/** Deepest bracket nesting of a JSON text, counting only brackets outside strings; stops early past `limit`. */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * A string PostgreSQL can store and every client can read back: no NUL (PostgreSQL refuses it in text, which used
 * to surface as a 500) and no lone UTF-16 surrogate (not representable in UTF-8).
 */
export function isStorableString(value: string): boolean {
  return !value.includes('\u0000') && (value as string & { isWellFormed(): boolean }).isWellFormed();
}

/** The path (`a.b[2]`) of the first string, key included, that is not storable; undefined when all are. */
export function findUnstorable(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return isStorableString(value) ? undefined : path || '(body)';
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (!isStorableString(key)) return path || '(body)';
    const found = findUnstorable(item, field);
    if (found) return found;
  }
  return undefined;
}

export function unstorableInput(field: string): HostileInputException {
  return new HostileInputException('validation_failed', `${field} contains a NUL character or broken Unicode.`, {
    errors: [{ field, message: `${field} must not contain NUL characters or lone surrogates` }],
  });
}

/** Path parameters and the query string get the same check as bodies (a NUL in a path reached PostgreSQL). */
export function registerHostileInputHook(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    const params = findUnstorable(request.params);
    if (params) throw unstorableInput(params);
    const query = findUnstorable(request.query);
    if (query) throw unstorableInput(query);
  });
}
