import { registerAs } from '@nestjs/config';
import { IsEmail, IsInt, IsOptional, IsString, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { requireInProduction, validateConfig } from './validate-config';

const DEV_JWT_SECRET = 'megicai-development-secret-change-me-in-production';

export class AuthConfig {
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  jwtSecret: string = DEV_JWT_SECRET;

  @IsString()
  jwtIssuer: string = 'megicai';

  @IsString()
  jwtAudience: string = 'megicai-api';

  /** Seconds an access token lives: 15 minutes. */
  @IsInt()
  @Min(60)
  accessTokenTtl: number = 900;

  /** Seconds a refresh token lives: 30 days. */
  @IsInt()
  @Min(60)
  refreshTokenTtl: number = 30 * 24 * 3600;

  /**
   * Milliseconds a process keeps a user's role and ban before reading them from the database again. A change made
   * through the admin API reaches every process at once over Redis; this bounds the staleness while Redis is down.
   */
  @IsInt()
  @Min(0)
  @Max(60_000)
  accessStatusCacheMs: number = 5000;

  @IsOptional()
  @IsEmail()
  adminEmail?: string;

  /** Failed logins per email (per password) before exponential backoff starts. */
  @IsInt()
  @Min(1)
  loginFreeFailures: number = 5;

  /** Failed logins per client address (across emails; NATs are shared) before backoff starts there. */
  @IsInt()
  @Min(1)
  loginAddressFreeFailures: number = 20;

  /** The first wait once backoff starts; each further failure doubles it, up to the maximum. */
  @IsInt()
  @Min(1)
  loginBackoffBaseSeconds: number = 2;

  @IsInt()
  @Min(1)
  loginBackoffMaxSeconds: number = 900;

  @ValidateIf((c: AuthConfig) => c.adminEmail !== undefined)
  @IsString()
  @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters when ADMIN_EMAIL is set' })
  adminPassword?: string;
}

export const authConfig = registerAs('auth', () => {
  requireInProduction(['JWT_SECRET']);
  return validateConfig('auth', AuthConfig, {
    jwtSecret: process.env.JWT_SECRET,
    adminEmail: process.env.ADMIN_EMAIL,
    adminPassword: process.env.ADMIN_PASSWORD,
    accessStatusCacheMs: process.env.AUTH_STATUS_CACHE_MS,
    loginFreeFailures: process.env.LOGIN_FREE_FAILURES,
    loginAddressFreeFailures: process.env.LOGIN_ADDRESS_FREE_FAILURES,
    loginBackoffBaseSeconds: process.env.LOGIN_BACKOFF_BASE_SECONDS,
    loginBackoffMaxSeconds: process.env.LOGIN_BACKOFF_MAX_SECONDS,
  });
});
