import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AdTier, AdTierSettings } from '@megicai/contracts';
import { AdTiersService } from '../ads/ad-tiers.service';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { Roles } from '../common/auth/roles.decorator';
import { AD_TIERS, ProblemCode } from '@megicai/contracts';
import { ADMIN_PROBLEMS, ApiProblems } from '../common/swagger/api-problems.decorator';
import { AuditLogService } from '../audit/audit-log.service';
import { AdTierPatchDto, AdTierSettingsDto } from './dto/admin-changes.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/ads/tiers')
export class AdminAdsController {
  constructor(
    private readonly tiers: AdTiersService,
    private readonly audit: AuditLogService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [AdTierSettingsDto] })
  @ApiProblems(...ADMIN_PROBLEMS)
  async list(): Promise<AdTierSettings[]> {
    return (await this.tiers.list()).map((t) => AdTiersService.view(t));
  }

  @Get(':tier')
  @ApiParam({ name: 'tier', enum: AD_TIERS })
  @ApiOkResponse({ type: AdTierSettingsDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.NotFound)
  async get(@Param('tier') tier: AdTier): Promise<AdTierSettings> {
    return AdTiersService.view(await this.tiers.get(tier));
  }

  /** New sessions use the new settings; sessions already started keep theirs. */
  @Patch(':tier')
  @ApiParam({ name: 'tier', enum: AD_TIERS })
  @ApiOkResponse({ type: AdTierSettingsDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed, ProblemCode.NotFound)
  async patch(
    @CurrentUser() admin: Principal,
    @Param('tier') tier: AdTier,
    @Body() body: AdTierPatchDto,
  ): Promise<AdTierSettings> {
    const { before, after } = await this.tiers.update(tier, body);
    await this.audit.record({
      actorId: admin.userId,
      action: 'ads.tier.update',
      targetType: 'ad_tier',
      targetId: tier,
      details: { before, after },
    });
    return after;
  }
}
