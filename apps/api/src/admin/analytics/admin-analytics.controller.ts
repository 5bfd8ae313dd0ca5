import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type AnalyticsReport, ProblemCode } from '@megicai/contracts';
import { AnalyticsService } from './analytics.service';
import { Roles } from '../../common/auth/roles.decorator';
import { ADMIN_PROBLEMS, ApiProblems } from '../../common/swagger/api-problems.decorator';
import { AnalyticsQueryDto, AnalyticsReportDto } from './admin-analytics.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class AdminAnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('analytics')
  @ApiOkResponse({ type: AnalyticsReportDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed)
  report(@Query() query: AnalyticsQueryDto): Promise<AnalyticsReport> {
    return this.analytics.report(query.from, query.to);
  }

  @Get('analytics.csv')
  @ApiOperation({ summary: 'The daily series of GET /admin/analytics as CSV (a header row, one line per day)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="analytics.csv"')
  csv(@Query() query: AnalyticsQueryDto): Promise<string> {
    return this.analytics.csv(query.from, query.to);
  }
}
