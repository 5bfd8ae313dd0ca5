import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { Roles } from '../common/auth/roles.decorator';
import { ProblemCode } from '@megicai/contracts';
import { ADMIN_PROBLEMS, ApiProblems } from '../common/swagger/api-problems.decorator';
import { AdminPromptsQueryDto, ModeratePromptDto } from './dto/prompt-queries.dto';
import { PromptPageDto, PromptTemplateDto } from './dto/prompt-template.dto';
import { PromptTemplatesService } from './prompt-templates.service';

/**
 * Moderation of the marketplace. Lives here (not in the admin module) because it changes marketplace state; each
 * change is written to the admin audit log in the same transaction.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/prompts')
export class AdminPromptsController {
  constructor(private readonly templates: PromptTemplatesService) {}

  @Get()
  @ApiOkResponse({ type: PromptPageDto, description: 'Templates of every creator, newest first' })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed, ProblemCode.InvalidCursor)
  list(@Query() query: AdminPromptsQueryDto): Promise<PromptPageDto> {
    return this.templates.listForAdmin(query.status, query.limit, query.cursor);
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
