import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiExcludeEndpoint, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../common/auth/public.decorator';
import { appConfig } from '../config/app.config';
import { assertMetricsAccess } from './metrics-access';
import { MetricsService } from './metrics.service';
import { RedisHealthIndicator } from './redis.health';

/** Served outside /api/v1: `/api/health`, `/api/health/ready`, `/api/metrics`. */
@ApiTags('operations')
@Public()
@SkipThrottle()
@Controller('api')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly metrics: MetricsService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  @Get('health')
  @ApiOkResponse({ description: 'The process is alive', schema: { example: { status: 'ok' } } })
  liveness() {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @HealthCheck()
  @ApiOkResponse({ description: 'PostgreSQL and Redis are reachable' })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL or Redis is down' })
  readiness() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 1000 }),
      () => this.redis.isHealthy('redis'),
    ]);
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiExcludeEndpoint()
  prometheus(@Headers('authorization') authorization?: string): Promise<string> {
    assertMetricsAccess(this.app, authorization);
    return this.metrics.registry.metrics();
  }
}
