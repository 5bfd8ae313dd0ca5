import { createHmac, timingSafeEqual } from 'node:crypto';

/** A device that logged in before: `<userId>.<HMAC>`, HttpOnly, only sent to the auth routes. */
export const DEVICE_COOKIE = 'megicai_device';
const MAX_AGE_SECONDS = 180 * 24 * 3600;

const mac = (userId: string, secret: string) =>
  createHmac('sha256', secret).update(`device:${userId}`).digest('base64url');

export function deviceCookieHeader(userId: string, secret: string, secure: boolean): string {
  return (
    `${DEVICE_COOKIE}=${userId}.${mac(userId, secret)}; Max-Age=${MAX_AGE_SECONDS}; Path=/api/v1/auth; ` +
    `HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`
  );
}

/** The user id the request's device cookie vouches for, if it carries a valid one. */
export function deviceCookieUser(cookieHeader: string | undefined, secret: string): string | undefined {
  const raw = cookieHeader
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${DEVICE_COOKIE}=`))
    ?.slice(DEVICE_COOKIE.length + 1);
  const [userId, signature] = raw?.split('.') ?? [];
  if (!userId || !signature) return undefined;
  const expected = Buffer.from(mac(userId, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : undefined;
}
