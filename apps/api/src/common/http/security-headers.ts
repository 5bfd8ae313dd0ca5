import helmet from 'helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Google Publisher Tag (rewarded ads on the web): the script, its ad requests and the iframes creatives render in.
 * Google changes these hosts over time; if GAM ads stop rendering, compare with the blocked URLs in the console.
 */
const GPT_SCRIPT_HOSTS = [
  'https://securepubads.g.doubleclick.net',
  'https://pagead2.googlesyndication.com',
  'https://tpc.googlesyndication.com',
  'https://www.googletagservices.com',
];
const GPT_FRAME_HOSTS = [
  'https://*.doubleclick.net',
  'https://*.googlesyndication.com',
  'https://*.safeframe.googlesyndication.com',
];
const GPT_CONNECT_HOSTS = ['https://securepubads.g.doubleclick.net', 'https://pagead2.googlesyndication.com'];
const GPT_IMAGE_HOSTS = ['https://*.doubleclick.net', 'https://*.googlesyndication.com', 'https://www.google.com'];

export interface SecurityHeadersOptions {
  production: boolean;
  /** Extra sources for images and media (house creatives hosted on a CDN), from CSP_MEDIA_SOURCES. */
  mediaSources: string[];
  /** Extra script origins: the configured GPT script's (ADS_GAM_SCRIPT_URL), when it is not one of Google's. */
  scriptSources?: string[];
}

/**
 * HSTS, nosniff, frame-ancestors/X-Frame-Options, Referrer-Policy and a CSP the SPA and its ad networks work
 * under: scripts only from us and the GPT hosts (no inline script, no eval), styles inline too (Mantine injects
 * its CSS variables at run time), images and media from us, data: and blob:. Swagger UI gets its own policy.
 */
export function registerSecurityHeaders(app: NestFastifyApplication, options: SecurityHeadersOptions): void {
  const media = ["'self'", 'data:', 'blob:', ...options.mediaSources];
  // helmet's middleware, built once and run on the raw response of every request (what @fastify/helmet does, minus
  // rebuilding the middleware, CSP parsing included, on every request: ~5% of a request's CPU).
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        scriptSrc: [...new Set(["'self'", ...GPT_SCRIPT_HOSTS, ...(options.scriptSources ?? [])])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: [...media, ...GPT_IMAGE_HOSTS],
        mediaSrc: media,
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...GPT_CONNECT_HOSTS],
        frameSrc: ["'self'", ...GPT_FRAME_HOSTS],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Plain http on a developer's machine and in the e2e run must keep loading its own assets.
        ...(options.production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    // The API is called from other origins (integrations); its assets are fetched by the SPA with signed links.
    crossOriginResourcePolicy: { policy: 'same-site' },
    crossOriginEmbedderPolicy: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    headers(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });

  // Swagger UI (/api/docs): its own scripts and inline styles, the images of its theme; no ad hosts.
  const docsPolicy = [
    "default-src 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.url === '/api/docs' || request.url.startsWith('/api/docs/')) {
      void reply.header('content-security-policy', docsPolicy);
    }
    return payload;
  });
}
