import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';
import { validateConfig } from './validate-config';

export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  nodeEnv: 'development' | 'production' | 'test' = 'development';

  @IsInt()
  @Min(0)
  @Max(65535)
  port: number = 3000;

  @IsUrl({ require_tld: false })
  publicUrl: string = 'http://localhost:3000';

  /**
   * `process` (default): the API starts and supervises the BullMQ worker as a child process, so one command is the
   * whole platform and media work runs on another core; `inline`: in the API process; `off`: `npm run worker` runs
   * it elsewhere (containers).
   */
  @IsIn(['process', 'inline', 'off'])
  runWorker: 'process' | 'inline' | 'off' = 'process';

  /**
   * How many proxies in front of the API append to X-Forwarded-For (0: none, the socket's address is the client).
   * The client address is the entry that many hops from the right: what the client itself put further left is
   * ignored, so nobody can pick their own address. `true` means 1 (one load balancer or CDN), `false` means 0.
   */
  // From the raw value: implicit conversion would already have turned 'true' into NaN.
  @Transform(({ obj }: { obj: Record<string, unknown> }) => {
    const raw = obj.trustProxy;
    return raw === true || raw === 'true' ? 1 : raw === false || raw === 'false' ? 0 : Number(raw);
  })
  @IsInt({ message: 'TRUST_PROXY must be false, true or a number of proxy hops' })
  @Min(0)
  @Max(10)
  trustProxy: number = 0;

  @IsInt()
  @Min(1)
  rateLimitPerMinute: number = 600;

  @IsInt()
  @Min(1)
  authRateLimitPerMinute: number = 10;

  /** Where the built SPA lives; served at `/` when present. */
  @IsOptional()
  @IsString()
  webDist?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  logLevel: string = 'info';

  /** Bearer token of `/api/metrics` in production (unset there: the route answers 404). */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  metricsToken?: string;

  /** Extra CSP sources for images and media (e.g. a CDN holding house creatives), space-separated. */
  @Transform(({ obj }: { obj: Record<string, unknown> }) =>
    typeof obj.cspMediaSources === 'string' ? obj.cspMediaSources.split(/\s+/).filter(Boolean) : [],
  )
  @IsString({ each: true })
  @Matches(/^(https:\/\/[^\s;,']+|[a-z-]+:)$/, { each: true, message: 'CSP_MEDIA_SOURCES must be https:// origins' })
  cspMediaSources: string[] = [];
}

export const appConfig = registerAs('app', () =>
  validateConfig('app', AppConfig, {
    nodeEnv: process.env.NODE_ENV,
    port: process.env.PORT,
    publicUrl: process.env.PUBLIC_URL,
    runWorker: process.env.RUN_WORKER,
    trustProxy: process.env.TRUST_PROXY,
    rateLimitPerMinute: process.env.RATE_LIMIT_PER_MINUTE,
    authRateLimitPerMinute: process.env.AUTH_RATE_LIMIT_PER_MINUTE,
    webDist: process.env.WEB_DIST,
    logLevel: process.env.LOG_LEVEL,
    metricsToken: process.env.METRICS_TOKEN,
    cspMediaSources: process.env.CSP_MEDIA_SOURCES,
  }),
);
