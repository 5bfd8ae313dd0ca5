import { ProblemCode } from '@megicai/contracts';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AdminCreditPackView } from '@megicai/contracts';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { Roles } from '../common/auth/roles.decorator';
import { ADMIN_PROBLEMS, ApiProblems } from '../common/swagger/api-problems.decorator';
import { CreditPacksService } from '../premium/packs/credit-packs.service';
import { AdminCreditPackDto, CreateCreditPackDto, UpdateCreditPackDto } from '../premium/packs/dto/credit-pack.dto';
import { AuditLogService } from '../audit/audit-log.service';

/** Credit packs on sale: every change and its audit entry commit together. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/credit-packs')
export class AdminCreditPacksController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly packs: CreditPacksService,
    private readonly audit: AuditLogService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every credit pack, inactive ones included' })
  @ApiOkResponse({ type: [AdminCreditPackDto] })
  @ApiProblems(...ADMIN_PROBLEMS)
  list(): Promise<AdminCreditPackView[]> {
    return this.packs.listAll();
  }

  @Post()
  @ApiOperation({ summary: 'Put a new credit pack on sale', description: 'Errors: 400 `validation_failed`.' })
  @ApiCreatedResponse({ type: AdminCreditPackDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed)
  create(@CurrentUser() admin: Principal, @Body() body: CreateCreditPackDto): Promise<AdminCreditPackView> {
    return this.dataSource.transaction(async (m) => {
      const pack = await this.packs.create(body, m);
      await this.audit.record(
        {
          actorId: admin.userId,
          action: 'credit_packs.create',
          targetType: 'credit_pack',
          targetId: pack.id,
          details: { after: pack },
        },
        m,
      );
      return pack;
    });
  }

  /** Checkouts already opened keep the credits and price they showed. */
  @Patch(':id')
  @ApiOperation({
    summary: 'Change a credit pack (price, credits, on sale or not, its Stripe price)',
    description: 'Errors: 400 `validation_failed`, 404 `not_found`.',
  })
  @ApiOkResponse({ type: AdminCreditPackDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed, ProblemCode.NotFound)
  update(
    @CurrentUser() admin: Principal,
    @Param('id') id: string,
    @Body() body: UpdateCreditPackDto,
  ): Promise<AdminCreditPackView> {
    return this.dataSource.transaction(async (m) => {
      const { before, after } = await this.packs.update(id, body, m);
      await this.audit.record(
        {
          actorId: admin.userId,
          action: 'credit_packs.update',
          targetType: 'credit_pack',
          targetId: id,
          details: { changes: body, before, after },
        },
        m,
      );
      return after;
    });
  }
}
