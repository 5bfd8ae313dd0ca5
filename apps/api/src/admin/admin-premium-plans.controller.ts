import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemCode } from '@megicai/contracts';
import { AuditLogService } from '../audit/audit-log.service';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { Roles } from '../common/auth/roles.decorator';
import { ADMIN_PROBLEMS, ApiProblems } from '../common/swagger/api-problems.decorator';
import { AdminPremiumPlanDto, UpdatePremiumPlanDto } from '../premium/dto/admin-premium-plan.dto';
import { type AdminPremiumPlanView, PremiumService } from '../premium/premium.service';

/**
 * Premium plans (the contract names no admin route for them: these two are ours). Plans are seeded by migrations and
 * referenced by subscriptions, so there is no create or delete: an admin edits them and takes them off sale.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/premium/plans')
export class AdminPremiumPlansController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly premium: PremiumService,
    private readonly audit: AuditLogService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Every premium plan, inactive ones included',
    description: 'Admin only. GET /premium/plans is the public list of the active ones.',
  })
  @ApiOkResponse({ type: [AdminPremiumPlanDto] })
  @ApiProblems(...ADMIN_PROBLEMS)
  list(): Promise<AdminPremiumPlanView[]> {
    return this.premium.listAll();
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a premium plan: name, price, credit allowance, features, on offer or not, order, Stripe price',
    description:
      'Admin only; audited with before and after. The currency and interval cannot change (subscriptions are ' +
      'billed by them). Checkouts opened from now on use the new price; each paid period grants the allowance in ' +
      'force when it is paid; an existing Stripe subscription keeps its Stripe price. ' +
      'Errors: 400 `validation_failed`, 404 `not_found`.',
  })
  @ApiOkResponse({ type: AdminPremiumPlanDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed, ProblemCode.NotFound)
  update(
    @CurrentUser() admin: Principal,
    @Param('id') id: string,
    @Body() body: UpdatePremiumPlanDto,
  ): Promise<AdminPremiumPlanView> {
    return this.dataSource.transaction(async (m) => {
      const { before, after } = await this.premium.update(id, body, m);
      await this.audit.record(
        {
          actorId: admin.userId,
          action: 'premium.plan.update',
          targetType: 'premium_plan',
          targetId: id,
          details: { changes: body, before, after },
        },
        m,
      );
      return after;
    });
  }
}
