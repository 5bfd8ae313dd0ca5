import { Controller, Get, Param, ParseIntPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth/public.decorator';
import { ProblemCode } from '@megicai/contracts';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { sendAsset } from './jobs.controller';
import { JobsService } from './jobs.service';

/** Signed, expiring asset links (the `url` of job outputs), so that `<img src>` works without a token. */
@ApiTags('jobs')
@Controller('assets')
export class JobAssetsController {
  constructor(private readonly jobs: JobsService) {}

  @Get(':jobId/:n')
  @Public()
  @ApiOperation({ summary: 'A job asset through its signed link' })
  @ApiQuery({ name: 'expires', description: 'Unix seconds' })
  @ApiQuery({ name: 'signature' })
  @ApiProduces('image/png', 'image/gif', 'audio/mpeg', 'audio/wav', 'video/mp4')
  @ApiOkResponse({ description: 'The file' })
  @ApiProblems(ProblemCode.Forbidden, ProblemCode.NotFound)
  async get(
    @Param('jobId') jobId: string,
    @Param('n', ParseIntPipe) n: number,
    @Query('expires') expires: string | undefined,
    @Query('signature') signature: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return sendAsset(reply, await this.jobs.signedAsset(jobId, n, expires, signature), 'private, max-age=3600');
  }
}
