import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { toMilli } from '@megicai/contracts';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { Roles } from '../common/auth/roles.decorator';
import { ProblemCode } from '@megicai/contracts';
import { AdminException } from './admin.exception';
import { ADMIN_PROBLEMS, ApiProblems } from '../common/swagger/api-problems.decorator';
import { ToolDto } from '../tools/dto/tool.dto';
import { ToolPatch, ToolsService } from '../tools/tools.service';
import { AdminToolPatchDto } from './dto/admin-tools.dto';
import { AuditLogService } from './audit-log.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/tools')
export class AdminToolsController {
  constructor(
    private readonly tools: ToolsService,
    private readonly audit: AuditLogService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [ToolDto], description: 'Every tool, disabled ones included' })
  @ApiProblems(...ADMIN_PROBLEMS)
  list(): Promise<ToolDto[]> {
    return this.tools.listAll();
  }

  @Get(':id')
  @ApiParam({ name: 'id', description: 'Tool UUID or slug' })
  @ApiOkResponse({ type: ToolDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.NotFound)
  async get(@Param('id') id: string): Promise<ToolDto> {
    const tool = await this.tools.findById(id);
    if (!tool) throw new AdminException(ProblemCode.NotFound, 'No such tool.');
    return tool;
  }

  /** Runs accepted before the change keep their price; new runs pay the new one. */
  @Patch(':id')
  @ApiParam({ name: 'id', description: 'Tool UUID or slug' })
  @ApiOkResponse({ type: ToolDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed, ProblemCode.NotFound)
  async patch(
    @CurrentUser() admin: Principal,
    @Param('id') id: string,
    @Body() body: AdminToolPatchDto,
  ): Promise<ToolDto> {
    const before = await this.tools.findById(id);
    if (!before) throw new AdminException(ProblemCode.NotFound, 'No such tool.');
    const after = await this.tools.update(before.id, toToolPatch(body));
    await this.audit.record({
      actorId: admin.userId,
      action: 'tools.update',
      targetType: 'tool',
      targetId: after.id,
      details: { changes: body, before: auditView(before), after: auditView(after) },
    });
    return after;
  }
}

function toToolPatch(body: AdminToolPatchDto): ToolPatch {
  const patch: ToolPatch = {
    enabled: body.enabled,
    premiumOnly: body.premiumOnly,
    providers: body.providers,
  };
  if (body.creditCost !== undefined) patch.creditCost = toMilli(body.creditCost);
  if (body.offerCost !== undefined) patch.offerCost = body.offerCost === null ? null : toMilli(body.offerCost);
  if (body.offerEndsAt !== undefined) patch.offerEndsAt = body.offerEndsAt === null ? null : new Date(body.offerEndsAt);
  // Ending an offer ends its deadline too, so the tool is left without a dangling end date.
  if (body.offerCost === null && body.offerEndsAt === undefined) patch.offerEndsAt = null;
  return patch;
}

function auditView(t: ToolDto) {
  const { creditCost, offerCost, offerEndsAt, premiumOnly, enabled, providers } = t;
  return { creditCost, offerCost, offerEndsAt, premiumOnly, enabled, providers };
}
