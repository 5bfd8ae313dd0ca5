import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiExcludeEndpoint, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { ProblemCode } from '@megicai/contracts';
import { Public } from '../common/auth/public.decorator';
import { ApiProblemCodes } from '../common/swagger/api-problems.decorator';
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
  // Terminus documents its own 503 body; what the client gets is our problem (the global filter), so we document that.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ description: 'PostgreSQL and Redis are reachable' })
  @ApiProblemCodes(ProblemCode.ServiceUnavailable)
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
