import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AnalyticsReport } from '@megicai/contracts';
import { AnalyticsService } from '../analytics/analytics.service';
import { Roles } from '../common/auth/roles.decorator';
import { ProblemCode } from '@megicai/contracts';
import { ADMIN_PROBLEMS, ApiProblems } from '../common/swagger/api-problems.decorator';
import { AnalyticsQueryDto, AnalyticsReportDto } from './dto/admin-analytics.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/analytics')
export class AdminAnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get()
  @ApiOkResponse({ type: AnalyticsReportDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed)
  report(@Query() query: AnalyticsQueryDto): Promise<AnalyticsReport> {
    return this.analytics.report(query.from, query.to);
  }
}
