import { Body, Controller, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { RequireScope } from '../common/auth/roles.decorator';
import { setResponseStatus } from '../common/http/response-status';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ProblemCode } from '@megicai/contracts';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { toCredits } from '@megicai/contracts';
import { JobDto, RunResultDto } from './dto/job.dto';
import { RunQueryDto, RunToolDto } from './dto/run-tool.dto';
import { JobAcceptanceService } from './job-acceptance.service';
import { abortWhenClientGone, writeTextStream } from './sse.util';
import { TextRunnerService } from './text-runner.service';

@ApiTags('tools')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('tools')
export class ToolRunsController {
  constructor(
    private readonly acceptance: JobAcceptanceService,
    private readonly text: TextRunnerService,
  ) {}

  @Post(':id/run')
  @HttpCode(200)
  @Idempotent()
  @RequireScope('run')
  @ApiOperation({
    summary: 'Run a tool',
    description:
      'Text tools answer 200 with the output (or `text/event-stream` with `?stream=true`: `token` events, then a ' +
      '`done` event with the job). Image, audio and video tools answer 202 with `Location: /api/v1/jobs/:id`. ' +
      'A repeat of the same request is answered from the cache at no charge unless `cache: false`.',
  })
  @ApiParam({ name: 'id', description: 'Tool UUID or slug' })
  @ApiProduces('application/json', 'text/event-stream')
  @ApiOkResponse({ type: RunResultDto, description: 'Text run done' })
  @ApiAcceptedResponse({ type: RunResultDto, description: 'Media job queued; poll Location' })
  @ApiProblems(
    ProblemCode.ValidationFailed,
    ProblemCode.InvalidToolInput,
    ProblemCode.MissingVariable,
    ProblemCode.Unauthorized,
    ProblemCode.InsufficientCredits,
    ProblemCode.ApiKeyScope,
    ProblemCode.PremiumRequired,
    ProblemCode.NotFound,
    ProblemCode.ToolDisabled,
    ProblemCode.Conflict,
    ProblemCode.IdempotencyKeyReused,
    ProblemCode.IdempotencyInProgress,
    ProblemCode.ProviderUnavailable,
  )
  async run(
    @CurrentUser() user: Principal,
    @Param('id') id: string,
    @Body() body: RunToolDto,
    @Query() query: RunQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RunResultDto | JobDto | undefined> {
    const run = await this.acceptance.accept(user, id, body);
    if (run.tool.kind !== 'text') {
      setResponseStatus(request, 202);
      void reply.header('Location', `/api/v1/jobs/${run.job.id}`);
      return {
        jobId: run.job.id,
        status: run.fromCache ? 'succeeded' : 'queued',
        cost: toCredits(run.job.cost),
        cached: run.fromCache,
      };
    }
    // The client going away stops the provider call.
    const signal = abortWhenClientGone(reply);
    if (query.stream === 'true' || query.stream === '1') {
      return writeTextStream(reply, this.text.stream(run, signal));
    }
    return this.text.complete(run, signal);
  }
}
