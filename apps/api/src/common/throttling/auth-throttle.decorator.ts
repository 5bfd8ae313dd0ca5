import { SetMetadata } from '@nestjs/common';

export const AUTH_THROTTLE = 'authThrottle';

export interface AuthThrottleOptions {
  /** Also limit per email in the body (default true). Login opts out: it backs off per email on its own. */
  perEmail?: boolean;
}

/** Puts a route under the tight login/register limits (per client address and, unless opted out, per email). */
export const AuthThrottle = (options: AuthThrottleOptions = {}) =>
  SetMetadata(AUTH_THROTTLE, { perEmail: options.perEmail ?? true });
