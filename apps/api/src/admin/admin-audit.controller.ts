import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuditLogEntryView, Page } from '@megicai/contracts';
import { Roles } from '../common/auth/roles.decorator';
import { ProblemCode } from '@megicai/contracts';
import { ADMIN_PROBLEMS, ApiProblems } from '../common/swagger/api-problems.decorator';
import { AuditLogService } from './audit-log.service';
import { AuditLogPageDto, AuditLogQueryDto } from './dto/admin-changes.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/audit-log')
export class AdminAuditController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  @ApiOkResponse({ type: AuditLogPageDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed, ProblemCode.InvalidCursor)
  list(@Query() query: AuditLogQueryDto): Promise<Page<AuditLogEntryView>> {
    return this.audit.page(query.limit, query.cursor, { targetId: query.targetId, action: query.action });
  }
}
