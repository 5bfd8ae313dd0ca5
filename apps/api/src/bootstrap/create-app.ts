import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { appConfig } from '../config/app.config';
import { clientErrorHandler, frameworkErrorHandler } from '../common/http/framework-errors';
import { createValidationPipe } from '../common/validation/validation.pipe';
import { configureHttp } from './configure-http';
import { setupOpenApi } from './openapi';

/** `/api/v1` for every route but operations and the OpenAI-compatible API (its own base URL, as OpenAI clients expect). */
export function setGlobalPrefix(app: INestApplication): void {
  app.setGlobalPrefix('api/v1', {
    exclude: ['api/health', 'api/health/ready', 'api/metrics', 'api/openai/v1/*path'],
  });
}

export interface CreateAppOptions {
  /** Serve the built SPA from this folder at `/` (production and the e2e run). */
  webDist?: string;
  /** Proxy hops that append to X-Forwarded-For (TRUST_PROXY); default: from the configuration. */
  trustProxy?: number;
  logger?: boolean;
}

const hopsOf = (hops: number): number | false => (hops > 0 ? hops : false);

/** Builds the HTTP application exactly as production runs it; tests call this too. */
export async function createApp(options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // A hop count, never `true`: with `true` Fastify would believe the leftmost X-Forwarded-For entry, which the
    // client writes itself.
    trustProxy: hopsOf(options.trustProxy ?? appConfig().trustProxy),
    bodyLimit: 1024 * 1024,
    // A request id for every log line: the caller's X-Request-Id (a gateway's) or a new UUID; echoed in the response.
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    logger: false,
    // Errors of the router and of Node's HTTP parser answer problem+json like every other error.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: options.logger !== false,
    ...(options.logger === false ? { logger: false as const } : {}),
    abortOnError: false,
    // JSON is parsed by our own parser (configure-http): it keeps the raw bytes and accepts an empty body.
    bodyParser: false,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  setGlobalPrefix(app);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  await configureHttp(app, options.webDist);
  setupOpenApi(app);
  return app;
}
