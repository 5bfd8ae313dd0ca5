import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/public.decorator';
import { ProblemCode } from '@megicai/contracts';
import { ApiProblems } from '../../common/swagger/api-problems.decorator';
import { AdCallbackResultDto } from '../dto/ads.dto';
import { AdCallbacksService } from './ad-callbacks.service';

@ApiTags('ads')
@Controller('ads/callbacks')
export class AdCallbacksController {
  constructor(private readonly callbacks: AdCallbacksService) {}

  @Get(':network')
  @Public()
  @ApiOperation({
    summary: 'Server-to-server reward callback (`admob`: ECDSA SSV; `hmac`: HMAC-SHA256), idempotent on transaction_id',
  })
  @ApiOkResponse({ type: AdCallbackResultDto })
  @ApiProblems(ProblemCode.ValidationFailed, ProblemCode.InvalidCallbackSignature, ProblemCode.NotFound)
  handle(@Param('network') network: string, @Req() request: FastifyRequest): Promise<AdCallbackResultDto> {
    // The signature covers the raw bytes of the query string, so read it as received, not as parsed.
    const url = request.raw.url ?? request.url;
    const at = url.indexOf('?');
    return this.callbacks.handle(network, at >= 0 ? url.slice(at + 1) : '');
  }
}
