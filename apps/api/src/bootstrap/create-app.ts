import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { clientErrorHandler, frameworkErrorHandler } from '../common/http/framework-errors';
import { createValidationPipe } from '../common/validation/validation.pipe';
import { configureHttp } from './configure-http';
import { setupOpenApi } from './openapi';

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
  app.setGlobalPrefix('api/v1', { exclude: ['api/health', 'api/health/ready', 'api/metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  await configureHttp(app, options.webDist);
  setupOpenApi(app);
  return app;
}
