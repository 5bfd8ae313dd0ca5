import { Body, Controller, Get, Headers, Param, Patch, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { ProblemCode } from '@megicai/contracts';
import {
  type AdCreativeView,
  AdCreativesService,
  auditSnapshot,
  type CreativeUpload,
} from '../ads/creatives/ad-creatives.service';
import { CREATIVE_MEDIA_TYPES, MAX_CREATIVE_BYTES } from '../ads/creatives/creative-files';
import { AuditLogService } from '../audit/audit-log.service';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { Roles } from '../common/auth/roles.decorator';
import { ADMIN_PROBLEMS, ApiProblems } from '../common/swagger/api-problems.decorator';
import {
  AdminAdCreativeDto,
  AdminCreativeUploadDto,
  CreateAdCreativeDto,
  UpdateAdCreativeDto,
} from './dto/admin-ad-creatives.dto';

/**
 * House ad creatives: list, upload, create, and edit (weight, enabled, media…). Each change commits with its audit
 * entry; the house network reads the table on every session start, so new sessions see it at once.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/ads/creatives')
export class AdminAdCreativesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly creatives: AdCreativesService,
    private readonly audit: AuditLogService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every house creative, disabled ones included' })
  @ApiOkResponse({ type: [AdminAdCreativeDto] })
  @ApiProblems(...ADMIN_PROBLEMS)
  list(): Promise<AdCreativeView[]> {
    return this.creatives.list();
  }

  @Post('uploads')
  @ApiOperation({
    summary: 'Upload an image or video for a creative: the body is the file itself',
    description:
      `Content-Type one of ${Object.keys(CREATIVE_MEDIA_TYPES).join(', ')}, and the bytes must be that format ` +
      `(checked by their signature); at most ${MAX_CREATIVE_BYTES / 1024 / 1024} MiB. Answers the \`upload\` name to ` +
      'create the creative with. Errors: 415 `unsupported_media_type`, 413 `payload_too_large`.',
  })
  @ApiConsumes(...Object.keys(CREATIVE_MEDIA_TYPES))
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: AdminCreativeUploadDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.UnsupportedMediaType, ProblemCode.PayloadTooLarge)
  async upload(
    @CurrentUser() admin: Principal,
    @Headers('content-type') contentType: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<CreativeUpload> {
    const upload = await this.creatives.saveUpload(contentType, request.body);
    await this.audit.record({
      actorId: admin.userId,
      action: 'ads.creative.upload',
      targetType: 'ad_creative_upload',
      targetId: upload.upload,
      details: { after: upload },
    });
    return upload;
  }

  @Post()
  @ApiOperation({
    summary: 'Add a house creative',
    description:
      'Images and videos take `url` (http(s), on a host of CSP_MEDIA_SOURCES so that the SPA may load it) or ' +
      '`upload`; HTML takes `html`. Errors: 400 `validation_failed`.',
  })
  @ApiCreatedResponse({ type: AdminAdCreativeDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed)
  create(@CurrentUser() admin: Principal, @Body() body: CreateAdCreativeDto): Promise<AdCreativeView> {
    return this.dataSource.transaction(async (m) => {
      const creative = await this.creatives.create(body, m);
      await this.audit.record(
        {
          actorId: admin.userId,
          action: 'ads.creative.create',
          targetType: 'ad_creative',
          targetId: creative.id,
          details: { after: auditSnapshot(creative) },
        },
        m,
      );
      return creative;
    });
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a house creative (weight, enabled, title, link, seconds, media)',
    description:
      'Sessions already started keep the chain they were given. Errors: 400 `validation_failed`, 404 `not_found`.',
  })
  @ApiOkResponse({ type: AdminAdCreativeDto })
  @ApiProblems(...ADMIN_PROBLEMS, ProblemCode.ValidationFailed, ProblemCode.NotFound)
  update(
    @CurrentUser() admin: Principal,
    @Param('id') id: string,
    @Body() body: UpdateAdCreativeDto,
  ): Promise<AdCreativeView> {
    return this.dataSource.transaction(async (m) => {
      const { before, after } = await this.creatives.update(id, body, m);
      await this.audit.record(
        {
          actorId: admin.userId,
          action: 'ads.creative.update',
          targetType: 'ad_creative',
          targetId: id,
          details: { changes: summarize(body), before: auditSnapshot(before), after: auditSnapshot(after) },
        },
        m,
      );
      return after;
    });
  }
}

/** The request's fields as the audit log keeps them (markup as its length). */
function summarize(body: UpdateAdCreativeDto): Record<string, unknown> {
  const { html, ...rest } = body;
  return html === undefined ? { ...rest } : { ...rest, html: `${html.length} chars` };
}
