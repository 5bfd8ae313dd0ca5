import { Module, RequestMethod } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { appConfig } from '../config/app.config';

/** The levels at which pino-http's completion lines (info) are written. */
const VERBOSE_LEVELS = new Set(['trace', 'debug', 'info']);

function leanRequest(req: { id: string; method: string; url: string }) {
  return { id: req.id, method: req.method, url: req.url };
}

/** JSON logs; every request carries an id (the caller's X-Request-Id, or a new one) through its log lines. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (app: ConfigType<typeof appConfig>) => ({
        // path-to-regexp 8 syntax; the default '*' makes Nest warn about an unsupported route on every start.
        forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: app.logLevel,
          // Fastify already assigned the id (X-Request-Id or a UUID) to the request this middleware sees.
          genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? randomUUID(),
          // Every request's child logger serializes `req` when it is made, logged or not: only what a log line
          // needs (the headers were a third of the logger's cost per request, and mostly secrets to redact).
          serializers: { req: (req: { id: string; method: string; url: string }) => leanRequest(req) },
          redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
          // The "request completed" line is written at info: above that level it never is, so it is not armed (its
          // listener built the line's object and message for every request, about 5% of a small request's CPU).
          autoLogging: VERBOSE_LEVELS.has(app.logLevel)
            ? { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/api/health') }
            : false,
        },
      }),
    }),
  ],
})
export class AppLoggerModule {}
