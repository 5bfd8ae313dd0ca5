import { SetMetadata } from '@nestjs/common';

export const AUTH_THROTTLE = 'authThrottle';
/** Puts a route under the tight login/register limits (per client address and per email). */
export const AuthThrottle = () => SetMetadata(AUTH_THROTTLE, true);
