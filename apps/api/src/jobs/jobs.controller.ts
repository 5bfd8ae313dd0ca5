import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { RequireScope } from '../common/auth/roles.decorator';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ProblemCode } from '@megicai/contracts';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { JobDto, JobPageDto } from './dto/job.dto';
import { AssetDownload, JobsService } from './jobs.service';

@ApiTags('jobs')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @RequireScope('read')
  @ApiOperation({ summary: "The caller's jobs, newest first" })
  @ApiOkResponse({ type: JobPageDto })
  @ApiProblems(ProblemCode.ValidationFailed, ProblemCode.InvalidCursor, ProblemCode.Unauthorized)
  list(@CurrentUser() user: Principal, @Query() page: PageQueryDto): Promise<JobPageDto> {
    return this.jobs.list(user.userId, page.limit, page.cursor);
  }

  @Get(':id')
  @RequireScope('read')
  @ApiOkResponse({ type: JobDto })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.NotFound)
  get(@CurrentUser() user: Principal, @Param('id') id: string): Promise<JobDto> {
    return this.jobs.get(user.userId, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireScope('run')
  @ApiOperation({ summary: 'Cancel a queued or running job; its credits are refunded in full' })
  @ApiOkResponse({ type: JobDto })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.NotFound, ProblemCode.JobNotCancelable)
  cancel(@CurrentUser() user: Principal, @Param('id') id: string): Promise<JobDto> {
    return this.jobs.cancel(user.userId, id);
  }

  @Get(':id/assets/:n')
  @RequireScope('read')
  @ApiOperation({ summary: 'Download asset n of a job (owner only)' })
  @ApiProduces('image/png', 'image/gif', 'audio/mpeg', 'audio/wav', 'video/mp4')
  @ApiOkResponse({ description: 'The file' })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.NotFound)
  async asset(
    @CurrentUser() user: Principal,
    @Param('id') id: string,
    @Param('n', ParseIntPipe) n: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return sendAsset(reply, await this.jobs.ownedAsset(user.userId, id, n), 'private, max-age=300');
  }
}

export function sendAsset(reply: FastifyReply, asset: AssetDownload, cacheControl: string): StreamableFile {
  void reply.header('Content-Type', asset.mimeType);
  void reply.header('Cache-Control', cacheControl);
  void reply.header('Content-Disposition', `inline; filename="${asset.fileName}"`);
  void reply.header('X-Content-Type-Options', 'nosniff');
  if (asset.object.size !== undefined) void reply.header('Content-Length', String(asset.object.size));
  return new StreamableFile(asset.object.body);
}
