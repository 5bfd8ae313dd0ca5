import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { Roles } from '../common/auth/roles.decorator';
import { ProblemCode } from '@megicai/contracts';
import { ADMIN_PROBLEMS, ApiProblems } from '../common/swagger/api-problems.decorator';
import { ModeratePromptDto } from '../marketplace/dto/prompt-queries.dto';
import { AdminPromptPageDto, AdminPromptsQueryDto } from '../marketplace/dto/prompt-report.dto';
import { PromptTemplateDto } from '../marketplace/dto/prompt-template.dto';
import { PromptReportsService } from '../marketplace/prompt-reports.service';
import { PromptTemplatesService } from '../marketplace/prompt-templates.service';

/**
 * Moderation of the marketplace. The admin layer calls the marketplace's service, which changes the template and
 * writes the audit entry in the same transaction.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/prompts')
export class AdminPromptsController {
  constructor(
    private readonly templates: PromptTemplatesService,
    private readonly reports: PromptReportsService,
  ) {}

  @Get()
  @ApiOkResponse({
    type: AdminPromptPageDto,
    description: 'Templates of every creator, newest first; with status=reported, each with its reports',
  })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed, ProblemCode.InvalidCursor)
  async list(@Query() query: AdminPromptsQueryDto): Promise<AdminPromptPageDto> {
    const page = await this.templates.listForAdmin(query.status, query.limit, query.cursor);
    return query.status === 'reported' ? this.reports.withReports(page) : page;
  }

  @Patch(':id')
  @ApiOkResponse({ type: PromptTemplateDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed, ProblemCode.NotFound)
  moderate(
    @CurrentUser() admin: Principal,
    @Param('id') id: string,
    @Body() body: ModeratePromptDto,
  ): Promise<PromptTemplateDto> {
    return this.templates.moderate(id, body.action, body.reason, admin.userId);
  }
}
