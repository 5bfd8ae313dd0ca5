import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AdNetworkSettings,
  type AdPerformanceReport,
  type AdTier,
  type AdTierOption,
  ProblemCode,
} from '@megicai/contracts';
import { AdImpressionsService } from '../ads/ad-impressions.service';
import { AdTiersService } from '../ads/ad-tiers.service';
import { AdWaterfallService } from '../ads/ad-waterfall.service';
import { AnalyticsService } from './analytics/analytics.service';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { Roles } from '../common/auth/roles.decorator';
import { ADMIN_PROBLEMS, ApiProblems } from '../common/swagger/api-problems.decorator';
import { AuditLogService } from '../audit/audit-log.service';
import {
  AdNetworkOrderDto,
  AdNetworkSettingsDto,
  AdPerformanceReportDto,
  AdTierOptionDto,
  AdTierOptionsDto,
} from './dto/admin-ads.dto';
import { AnalyticsQueryDto } from './analytics/admin-analytics.dto';

/** The ad waterfall's order, each tier's extra durations (both audited), and fill rate and revenue per network. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/ads')
export class AdminAdsWaterfallController {
  constructor(
    private readonly waterfall: AdWaterfallService,
    private readonly tiers: AdTiersService,
    private readonly impressions: AdImpressionsService,
    private readonly analytics: AnalyticsService,
    private readonly audit: AuditLogService,
  ) {}

  @Get('networks')
  @ApiOkResponse({ type: AdNetworkSettingsDto })
  @ApiProblems(...ADMIN_PROBLEMS)
  networks(): Promise<AdNetworkSettings> {
    return this.waterfall.settings();
  }

  @Put('networks')
  @ApiOperation({ summary: 'Set the waterfall order for new sessions (house always ends it)' })
  @ApiOkResponse({ type: AdNetworkSettingsDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed)
  async setNetworks(@CurrentUser() admin: Principal, @Body() body: AdNetworkOrderDto): Promise<AdNetworkSettings> {
    const { before, after } = await this.waterfall.setOrder(body.networks);
    await this.audit.record({
      actorId: admin.userId,
      action: 'ads.networks.update',
      targetType: 'ad_settings',
      targetId: 'networks',
      details: { before: before.networks, after: after.networks },
    });
    return after;
  }

  @Get('tiers/:tier/options')
  @ApiOkResponse({ type: [AdTierOptionDto] })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.NotFound)
  options(@Param('tier') tier: AdTier): Promise<AdTierOption[]> {
    return this.tiers.tierOptions(tier);
  }

  @Put('tiers/:tier/options')
  @ApiOperation({
    summary: "Replace a tier's extra durations (its standard one is edited with PATCH /admin/ads/tiers)",
  })
  @ApiOkResponse({ type: [AdTierOptionDto] })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed, ProblemCode.NotFound)
  async setOptions(
    @CurrentUser() admin: Principal,
    @Param('tier') tier: AdTier,
    @Body() body: AdTierOptionsDto,
  ): Promise<AdTierOption[]> {
    const { before, after } = await this.tiers.setOptions(tier, body.options);
    await this.audit.record({
      actorId: admin.userId,
      action: 'ads.tier.options.update',
      targetType: 'ad_tier',
      targetId: tier,
      details: { before, after },
    });
    return after;
  }

  @Get('performance')
  @ApiOperation({ summary: 'Fill rate and estimated revenue by network and by creative over whole UTC days' })
  @ApiOkResponse({ type: AdPerformanceReportDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed)
  async performance(@Query() query: AnalyticsQueryDto): Promise<AdPerformanceReport> {
    const { start, end } = this.analytics.window(query.from, query.to);
    const report = await this.impressions.performance(start, end);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    return { ...report, from: day(start), to: day(new Date(end.getTime() - 86_400_000)) };
  }
}
