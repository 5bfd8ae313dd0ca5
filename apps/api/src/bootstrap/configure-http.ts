import type { ConfigType } from '@nestjs/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_CONTENT_TYPE } from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { registerCreativeUploadParser } from '../ads/creatives/creative-files';
import { CommonException } from '../common/errors/common.exception';
import { toProblem } from '../common/errors/problem-details.filter';
import {
  findUnstorable,
  HostileInputException,
  jsonDepthExceeds,
  MAX_JSON_DEPTH,
  registerHostileInputHook,
  unstorableInput,
} from '../common/http/hostile-input';
import { registerResponseStatusHook } from '../common/http/response-status';
import { registerSecurityHeaders } from '../common/http/security-headers';
import { adsConfig } from '../config/ads.config';
import { appConfig } from '../config/app.config';
import { MetricsService } from '../health/metrics.service';

/**
 * What happens in Fastify outside Nest's routing: request metrics, and the SPA with its client-side routes.
 * (Errors Fastify raises itself — malformed JSON, body too large — reach Nest's exception filter.)
 */
export async function configureHttp(app: NestFastifyApplication, webDist?: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService);
  registerResponseStatusHook(fastify);
  registerJsonParser(fastify);
  registerCreativeUploadParser(fastify);
  registerHostileInputHook(fastify);
  const { nodeEnv, cspMediaSources } = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  // A GPT script served from elsewhere than Google (ADS_GAM_SCRIPT_URL): its origin only, never a wider policy.
  const gptOrigin = new URL(app.get<ConfigType<typeof adsConfig>>(adsConfig.KEY).gamScriptUrl).origin;
  registerSecurityHeaders(app, {
    production: nodeEnv === 'production',
    mediaSources: cspMediaSources,
    scriptSources: [gptOrigin],
  });

  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });

  const indexHtml = webDist ? join(webDist, 'index.html') : undefined;
  if (webDist && indexHtml && existsSync(indexHtml)) {
    app.useStaticAssets({
      root: webDist,
      prefix: '/',
      wildcard: false,
      index: false,
      // The build writes `.br` and `.gz` beside each asset; the browser gets the smallest it accepts.
      preCompressed: true,
      cacheControl: false,
      // Source maps are built for error tooling only: never served.
      allowedPath: (pathName) => !pathName.endsWith('.map'),
      // @fastify/static 10 passes the Fastify reply; Nest's option type still names the raw response.
      setHeaders: ((reply: FastifyReply, path: string) =>
        void reply.header('cache-control', cacheControlFor(path))) as never,
    });
    // Client-side routes (/credits, /tools/…) get the SPA; unknown API paths keep their problem+json 404.
    const sendIndex = (reply: FastifyReply) =>
      reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html', webDist);
    fastify.get('/*', (request, reply) => {
      if (request.url.startsWith('/api/')) return sendNotFound(request, reply);
      return sendIndex(reply);
    });
    fastify.get('/', (_request, reply) => sendIndex(reply));
  }
}

/** Vite puts a content hash in every file under `assets/`: those never change, everything else is revalidated. */
function cacheControlFor(path: string): string {
  return /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  const { problem } = toProblem(
    new CommonException(ProblemCode.NotFound, `No route ${request.method} ${request.url.split('?')[0]}.`),
    request.url,
  );
  return reply.status(404).type(PROBLEM_CONTENT_TYPE).send(problem);
}

/**
 * JSON bodies: the exact bytes are kept on `request.rawBody` (signed webhooks verify them), and an empty body with a
 * JSON content type — what many HTTP clients send on a POST without payload — counts as no body instead of a 400.
 * Hostile bodies stop here, before any handler: nesting deeper than MAX_JSON_DEPTH (checked before parsing, so a
 * 10,000-level body costs one scan), and strings with NUL or lone surrogates (PostgreSQL cannot store them).
 */
function registerJsonParser(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    (request as FastifyRequest & { rawBody?: Buffer }).rawBody = bytes;
    if (bytes.length === 0) return done(null, undefined);
    const text = bytes.toString('utf8');
    if (jsonDepthExceeds(text)) {
      const detail = `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`;
      return done(new HostileInputException('invalid_json', detail), undefined);
    }
    parseJson(request, text, (error, parsed) => {
      if (error) return done(error, undefined);
      const field = findUnstorable(parsed);
      return field ? done(unstorableInput(field), undefined) : done(null, parsed);
    });
  });
}
