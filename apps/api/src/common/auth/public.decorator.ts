import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';
/** Opens a route to callers without a token or key; everything else is closed by default. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const OPTIONAL_AUTH = 'optionalAuth';
/**
 * Open to anonymous callers, but a caller who sends a token or key is authenticated as usual (and a bad one is a 401),
 * so the handler sees the user when there is one: published templates, readable by all, with the viewer's drafts.
 */
export const OptionalAuth = () => SetMetadata(OPTIONAL_AUTH, true);

/** True when the request carries credentials (a Bearer token or an API key). */
export function hasCredentials(headers: Record<string, string | string[] | undefined>): boolean {
  return Boolean(headers.authorization || headers['x-api-key']);
}
