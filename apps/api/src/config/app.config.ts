import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
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

  /** Take the client address from X-Forwarded-For (behind a load balancer or CDN). */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  trustProxy: boolean = false;

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
  }),
);
