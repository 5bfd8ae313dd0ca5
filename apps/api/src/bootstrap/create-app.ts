import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
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
  trustProxy?: boolean;
  logger?: boolean;
}

/** Builds the HTTP application exactly as production runs it; tests call this too. */
export async function createApp(options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    // A request id for every log line: the caller's X-Request-Id (a gateway's) or a new UUID; echoed in the response.
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    logger: false,
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
