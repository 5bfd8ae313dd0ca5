import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { OptionalAuth } from '../common/auth/public.decorator';
import type { Principal } from '../common/auth/principal';
import { RequireScope } from '../common/auth/roles.decorator';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ProblemCode } from '@megicai/contracts';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { SearchPromptsQueryDto } from './dto/prompt-queries.dto';
import { CreatorEarningsDto, PromptRatingDto, PromptRatingPageDto, RatePromptDto } from './dto/prompt-rating.dto';
import { PromptReportDto, ReportPromptDto } from './dto/prompt-report.dto';
import {
  CreatePromptDto,
  PreviewPromptDto,
  PreviewResultDto,
  PromptPageDto,
  PromptTemplateDto,
  PromptVersionDto,
  UpdatePromptDto,
} from './dto/prompt-template.dto';
import { MarketplaceService } from './marketplace.service';
import { PromptRatingsService } from './prompt-ratings.service';
import { PromptReportsService } from './prompt-reports.service';
import { PromptSearchService } from './prompt-search.service';
import { PromptTemplatesService } from './prompt-templates.service';

/** API keys: reading needs the `read` scope, creating, editing and rating need `marketplace`. */
/** A visitor without an account: sees published templates only (the nil UUID is never a user's id). */
const ANONYMOUS_VIEWER = { userId: '00000000-0000-0000-0000-000000000000', role: 'user' } as const;

@ApiTags('marketplace')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('marketplace')
export class MarketplaceController {
  constructor(
    private readonly templates: PromptTemplatesService,
    private readonly search: PromptSearchService,
    private readonly ratings: PromptRatingsService,
    private readonly reports: PromptReportsService,
    private readonly marketplace: MarketplaceService,
  ) {}

  @Get('prompts')
  @OptionalAuth()
  @RequireScope('read')
  @ApiOkResponse({ type: PromptPageDto, description: 'Published templates' })
  @ApiProblems(
    ProblemCode.ValidationFailed,
    ProblemCode.InvalidCursor,
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
  )
  list(@Query() query: SearchPromptsQueryDto): Promise<PromptPageDto> {
    return this.search.search(query);
  }

  @Post('prompts')
  @RequireScope('marketplace')
  @ApiCreatedResponse({ type: PromptTemplateDto, description: 'A draft' })
  @ApiProblems(
    ProblemCode.ValidationFailed,
    ProblemCode.TemplateSyntax,
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
  )
  create(@CurrentUser() user: Principal, @Body() body: CreatePromptDto): Promise<PromptTemplateDto> {
    return this.templates.create(user.userId, body);
  }

  @Get('my-prompts')
  @RequireScope('read')
  @ApiOkResponse({ type: PromptPageDto, description: "The caller's templates, any status, newest first" })
  @ApiProblems(
    ProblemCode.ValidationFailed,
    ProblemCode.InvalidCursor,
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
  )
  mine(@CurrentUser() user: Principal, @Query() query: PageQueryDto): Promise<PromptPageDto> {
    return this.templates.listMine(user.userId, query.limit, query.cursor);
  }

  @Get('earnings')
  @RequireScope('read')
  @ApiOkResponse({ type: CreatorEarningsDto })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.ApiKeyScope)
  earnings(@CurrentUser() user: Principal): Promise<CreatorEarningsDto> {
    return this.marketplace.earnings(user.userId);
  }

  @Get('prompts/:id')
  @OptionalAuth()
  @RequireScope('read')
  @ApiOkResponse({ type: PromptTemplateDto })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.ApiKeyScope, ProblemCode.NotFound)
  get(@CurrentUser() user: Principal | undefined, @Param('id') id: string): Promise<PromptTemplateDto> {
    return this.templates.get(id, user ?? ANONYMOUS_VIEWER);
  }

  @Patch('prompts/:id')
  @RequireScope('marketplace')
  @ApiOkResponse({ type: PromptTemplateDto, description: 'A published template gets a new version' })
  @ApiProblems(
    ProblemCode.ValidationFailed,
    ProblemCode.TemplateSyntax,
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
    ProblemCode.NotYourTemplate,
    ProblemCode.NotFound,
  )
  update(
    @CurrentUser() user: Principal,
    @Param('id') id: string,
    @Body() body: UpdatePromptDto,
  ): Promise<PromptTemplateDto> {
    return this.templates.update(id, user, body);
  }

  @Delete('prompts/:id')
  @RequireScope('marketplace')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.ApiKeyScope, ProblemCode.NotYourTemplate, ProblemCode.NotFound)
  async remove(@CurrentUser() user: Principal, @Param('id') id: string): Promise<void> {
    await this.templates.remove(id, user);
  }

  @Post('prompts/:id/publish')
  @RequireScope('marketplace')
  @HttpCode(200)
  @ApiOkResponse({ type: PromptTemplateDto, description: 'Published (a template hidden by moderation stays hidden)' })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.ApiKeyScope, ProblemCode.NotYourTemplate, ProblemCode.NotFound)
  publish(@CurrentUser() user: Principal, @Param('id') id: string): Promise<PromptTemplateDto> {
    return this.templates.publish(id, user);
  }

  @Post('prompts/:id/preview')
  @RequireScope('marketplace')
  @HttpCode(200)
  @ApiOkResponse({ type: PreviewResultDto, description: 'The rendered text with these sample values (creator only)' })
  @ApiProblems(
    ProblemCode.ValidationFailed,
    ProblemCode.MissingVariable,
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
    ProblemCode.NotYourTemplate,
    ProblemCode.NotFound,
  )
  preview(
    @CurrentUser() user: Principal,
    @Param('id') id: string,
    @Body() body: PreviewPromptDto,
  ): Promise<PreviewResultDto> {
    return this.templates.preview(id, user, body.variables);
  }

  @Get('prompts/:id/versions')
  @RequireScope('read')
  @ApiOkResponse({ type: [PromptVersionDto], description: 'The history, newest first (creator only)' })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.ApiKeyScope, ProblemCode.NotYourTemplate, ProblemCode.NotFound)
  async versions(@CurrentUser() user: Principal, @Param('id') id: string): Promise<PromptVersionDto[]> {
    const rows = await this.templates.versions(id, user);
    return rows.map((v) => ({
      version: v.version,
      title: v.title,
      description: v.description,
      tags: v.tags,
      template: v.template,
      variables: v.variables,
      createdAt: v.createdAt.toISOString(),
    }));
  }

  @Post('prompts/:id/ratings')
  @RequireScope('marketplace')
  @ApiCreatedResponse({ type: PromptRatingDto, description: "The caller's rating (a second one replaces the first)" })
  @ApiProblems(
    ProblemCode.ValidationFailed,
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
    ProblemCode.OwnTemplate,
    ProblemCode.NotFound,
  )
  rate(@CurrentUser() user: Principal, @Param('id') id: string, @Body() body: RatePromptDto): Promise<PromptRatingDto> {
    return this.ratings.rate(id, user, body.stars, body.review);
  }

  @Get('prompts/:id/ratings')
  @OptionalAuth()
  @RequireScope('read')
  @ApiOkResponse({ type: PromptRatingPageDto, description: 'Ratings and reviews, most recent first' })
  @ApiProblems(
    ProblemCode.ValidationFailed,
    ProblemCode.InvalidCursor,
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
    ProblemCode.NotFound,
  )
  listRatings(
    @CurrentUser() user: Principal | undefined,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<PromptRatingPageDto> {
    return this.ratings.list(id, user ?? ANONYMOUS_VIEWER, query.limit, query.cursor);
  }

  @Post('prompts/:id/reports')
  @RequireScope('marketplace')
  @ApiCreatedResponse({ type: PromptReportDto, description: 'The report, for moderators to look at' })
  @ApiProblems(
    ProblemCode.ValidationFailed,
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
    ProblemCode.OwnTemplate,
    ProblemCode.NotFound,
    ProblemCode.AlreadyReported,
  )
  report(
    @CurrentUser() user: Principal,
    @Param('id') id: string,
    @Body() body: ReportPromptDto,
  ): Promise<PromptReportDto> {
    return this.reports.report(id, user, body.reason, body.detail);
  }
}
