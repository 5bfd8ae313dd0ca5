import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdminCreditAdjustmentResult } from '@megicai/contracts';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { Roles } from '../common/auth/roles.decorator';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ProblemCode } from '@megicai/contracts';
import { ADMIN_PROBLEMS, ApiProblems } from '../common/swagger/api-problems.decorator';
import { AdminCreditsService } from './admin-credits.service';
import { AdminUsersService } from './admin-users.service';
import { AdminCreditAdjustmentDto, AdminCreditAdjustmentResultDto, AdminUserPatchDto } from './dto/admin-changes.dto';
import { AdminUserDto, AdminUserPageDto, AdminUsersQueryDto } from './dto/admin-user.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(
    private readonly adminUsers: AdminUsersService,
    private readonly adminCredits: AdminCreditsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: AdminUserPageDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed, ProblemCode.InvalidCursor)
  list(@Query() query: AdminUsersQueryDto): Promise<AdminUserPageDto> {
    return this.adminUsers.list(query.q, query.limit, query.cursor);
  }

  @Get(':id')
  @ApiOkResponse({ type: AdminUserDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.NotFound)
  get(@Param('id') id: string): Promise<AdminUserDto> {
    return this.adminUsers.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user’s role or ban them (a ban revokes their refresh tokens); audited' })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed, ProblemCode.NotFound, ProblemCode.Conflict)
  patch(
    @CurrentUser() admin: Principal,
    @Param('id') id: string,
    @Body() body: AdminUserPatchDto,
  ): Promise<AdminUserDto> {
    return this.adminUsers.patch(admin.userId, id, body);
  }

  @Post(':id/credits')
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({ summary: 'Grant (delta > 0) or take (delta < 0, never below zero → 409) credits; audited' })
  @ApiCreatedResponse({ type: AdminCreditAdjustmentResultDto })
  @ApiProblems(
    ...ADMIN_PROBLEMS,
    ProblemCode.ValidationFailed,
    ProblemCode.NotFound,
    ProblemCode.Conflict,
    ProblemCode.IdempotencyKeyReused,
    ProblemCode.IdempotencyInProgress,
  )
  adjust(
    @CurrentUser() admin: Principal,
    @Param('id') id: string,
    @Body() body: AdminCreditAdjustmentDto,
  ): Promise<AdminCreditAdjustmentResult> {
    return this.adminCredits.adjust(admin.userId, id, body.delta, body.reason);
  }
}
