import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AdCompleteResult, AdOffer, AdSessionView, AdStatus } from '@megicai/contracts';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { RequireScope } from '../common/auth/roles.decorator';
import { clientAddress } from '../common/http/client-address';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ProblemCode } from '@megicai/contracts';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { AdImpressionsService } from './ad-impressions.service';
import { AdsService } from './ads.service';
import {
  AdCompleteDto,
  AdImpressionDto,
  AdOfferDto,
  AdSessionDto,
  AdStatusDto,
  GamCreativeDto,
  HouseCreativeDto,
  StartAdSessionDto,
} from './dto/ads.dto';

/** What any call on one session may answer: not signed in, not yours, already claimed or replaced, expired. */
const SESSION_PROBLEMS = [
  ProblemCode.Unauthorized,
  ProblemCode.ApiKeyScope,
  ProblemCode.NotFound,
  ProblemCode.AlreadyClaimed,
  ProblemCode.Conflict,
  ProblemCode.AdSessionExpired,
] as const;

@ApiTags('ads')
@ApiBearerAuth()
@ApiExtraModels(HouseCreativeDto, GamCreativeDto)
@Controller('ads')
export class AdsController {
  constructor(
    private readonly ads: AdsService,
    private readonly impressions: AdImpressionsService,
  ) {}

  @Get('offers')
  @RequireScope('credits')
  @ApiOperation({
    summary: 'Each tier and duration with what it pays and how many are left today (empty for premium accounts)',
  })
  @ApiOkResponse({ type: [AdOfferDto] })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.ApiKeyScope)
  offers(@CurrentUser() user: Principal): Promise<AdOffer[]> {
    return this.ads.offers(user.userId);
  }

  @Get('status')
  @RequireScope('credits')
  @ApiOkResponse({ type: AdStatusDto })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.ApiKeyScope)
  status(@CurrentUser() user: Principal): Promise<AdStatus> {
    return this.ads.status(user.userId);
  }

  @Post('sessions')
  @RequireScope('credits')
  @ApiOperation({
    summary: 'Start an ad session for a tier and duration (replaces an open one); unknown duration → 400',
    description: '`networks` is the waterfall the client tries in order, with one creative per network in `waterfall`.',
  })
  @ApiCreatedResponse({ type: AdSessionDto })
  @ApiProblems(
    ProblemCode.ValidationFailed,
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
    ProblemCode.PremiumNoAds,
    ProblemCode.NotFound,
    ProblemCode.AdDailyCapReached,
  )
  start(
    @CurrentUser() user: Principal,
    @Body() body: StartAdSessionDto,
    @Req() request: FastifyRequest,
  ): Promise<AdSessionView> {
    return this.ads.start(user.userId, body.tier, clientAddress(request), {
      seconds: body.seconds,
      interactive: body.interactive,
      prefer: body.network,
    });
  }

  @Post('sessions/:id/impression')
  @HttpCode(204)
  @RequireScope('credits')
  @ApiOperation({
    summary: 'Record what one network of the waterfall did: filled or not (no fill, null slot, timeout, blocked)',
    description: 'Once per session and network (repeats are ignored); a fill marks the session’s network.',
  })
  @ApiNoContentResponse({ description: 'Recorded' })
  @ApiProblems(ProblemCode.ValidationFailed, ...SESSION_PROBLEMS)
  async impression(
    @CurrentUser() user: Principal,
    @Param('id') id: string,
    @Body() body: AdImpressionDto,
  ): Promise<void> {
    await this.impressions.record(user.userId, id, body);
  }

  @Post('sessions/:id/engaged')
  @HttpCode(204)
  @RequireScope('credits')
  @ApiOperation({
    summary: 'The interactive creative reported it was seen in a visible tab; until then complete answers 425',
  })
  @ApiNoContentResponse({ description: 'Recorded' })
  @ApiProblems(...SESSION_PROBLEMS)
  async engaged(@CurrentUser() user: Principal, @Param('id') id: string): Promise<void> {
    await this.impressions.engage(user.userId, id);
  }

  @Post('sessions/:id/complete')
  @HttpCode(200)
  @Idempotent()
  @RequireScope('credits')
  @ApiOperation({ summary: 'Claim a watched ad: once, after the required seconds on the server clock' })
  @ApiOkResponse({ type: AdCompleteDto })
  @ApiProblems(
    ...SESSION_PROBLEMS,
    ProblemCode.AdTooEarly,
    ProblemCode.AdNotEngaged,
    ProblemCode.AdDailyCapReached,
    ProblemCode.IdempotencyKeyReused,
    ProblemCode.IdempotencyInProgress,
  )
  complete(@CurrentUser() user: Principal, @Param('id') id: string): Promise<AdCompleteResult> {
    return this.ads.complete(user.userId, id);
  }
}
