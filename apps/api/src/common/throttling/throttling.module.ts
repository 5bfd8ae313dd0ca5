import { ExecutionContext, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ThrottlerModule, seconds } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import type Redis from 'ioredis';
import { appConfig } from '../../config/app.config';
import { redisConfig } from '../../config/redis.config';
import { REDIS } from '../../redis/redis.module';
import type { Principal } from '../auth/principal';
import { clientAddress } from '../http/client-address';
import { FallbackThrottlerStorage } from './fallback-throttler.storage';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { AUTH_THROTTLE, type AuthThrottleOptions } from './auth-throttle.decorator';

type Req = FastifyRequest & { user?: Principal };

const authThrottle = (context: ExecutionContext): AuthThrottleOptions | undefined =>
  Reflect.getMetadata(AUTH_THROTTLE, context.getHandler()) as AuthThrottleOptions | undefined;
const isAuthRoute = (context: ExecutionContext) => authThrottle(context) !== undefined;

/**
 * Limits live in Redis so that they hold across API processes (in the process while Redis is down). `default` is per user or key (per address before
 * login); `auth` and `authEmail` guard login and register per address and per email.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [appConfig.KEY, redisConfig.KEY, REDIS],
      useFactory: (app: ConfigType<typeof appConfig>, redis: ConfigType<typeof redisConfig>, client: Redis) => ({
        throttlers: [
          {
            name: 'default',
            ttl: seconds(60),
            limit: app.rateLimitPerMinute,
            getTracker: (req: Record<string, unknown>) => {
              const r = req as unknown as Req;
              return r.user ? `user:${r.user.userId}` : `ip:${clientAddress(r)}`;
            },
          },
          {
            name: 'auth',
            ttl: seconds(60),
            limit: app.authRateLimitPerMinute,
            skipIf: (context) => !isAuthRoute(context),
            getTracker: (req: Record<string, unknown>) => `ip:${clientAddress(req as unknown as Req)}`,
          },
          {
            name: 'authEmail',
            ttl: seconds(60),
            limit: app.authRateLimitPerMinute,
            skipIf: (context) => !authThrottle(context)?.perEmail,
            getTracker: (req: Record<string, unknown>) => {
              const body = (req as unknown as Req).body as { email?: unknown } | undefined;
              const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
              return `email:${email}`;
            },
          },
        ],
        // The shared connection (closed with the app, one socket fewer per process); per process while Redis is away.
        storage: new FallbackThrottlerStorage(new RedisThrottlerStorage(client)),
        generateKey: (_context, tracker, name) => `${redis.prefix}:throttle:${name}:${tracker}`,
      }),
    }),
  ],
})
export class ThrottlingModule {}
