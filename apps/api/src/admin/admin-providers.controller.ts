import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/roles.decorator';
import { ADMIN_PROBLEMS, ApiProblems } from '../common/swagger/api-problems.decorator';
import { type ProviderHealth, ProviderHourlyStatsService } from '../providers/provider-hourly-stats.service';

export class AdminProviderDto implements ProviderHealth {
  @ApiProperty({ example: 'openai' }) id!: string;
  @ApiProperty({ description: 'Credentials present: the provider can be called' }) configured!: boolean;
  @ApiProperty() healthy!: boolean;
  @ApiProperty({ enum: ['closed', 'open', 'half-open', 'isolated'] }) circuit!: ProviderHealth['circuit'];
  @ApiProperty({ type: Number, nullable: true, description: 'ms, last hour, every process' })
  latencyP50!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'ms, last hour, every process' })
  latencyP95!: number | null;
  @ApiProperty({ example: 0.02, description: 'Failed calls / calls, fallbacks included' }) errorRate!: number;
  @ApiProperty({ example: 120, description: 'Calls in the last hour, every API and worker process' }) runs!: number;
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/providers')
export class AdminProvidersController {
  constructor(private readonly stats: ProviderHourlyStatsService) {}

  @Get()
  @ApiOkResponse({ type: [AdminProviderDto] })
  @ApiProblems(...ADMIN_PROBLEMS)
  list(): Promise<AdminProviderDto[]> {
    return this.stats.health();
  }
}
