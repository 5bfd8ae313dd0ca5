import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
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
import { AdsService } from './ads.service';
import {
  AdCompleteDto,
  AdOfferDto,
  AdSessionDto,
  AdStatusDto,
  GamCreativeDto,
  HouseCreativeDto,
  StartAdSessionDto,
} from './dto/ads.dto';

@ApiTags('ads')
@ApiBearerAuth()
@ApiExtraModels(HouseCreativeDto, GamCreativeDto)
@Controller('ads')
export class AdsController {
  constructor(private readonly ads: AdsService) {}

  @Get('offers')
  @RequireScope('credits')
  @ApiOperation({ summary: 'Ad tiers with what they pay and how many are left today (empty for premium accounts)' })
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
  @ApiOperation({ summary: 'Start an ad session (replaces an open one); premium accounts → 403, daily cap → 429' })
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
    return this.ads.start(user.userId, body.tier, clientAddress(request), body.network);
  }

  @Post('sessions/:id/complete')
  @HttpCode(200)
  @Idempotent()
  @RequireScope('credits')
  @ApiOperation({ summary: 'Claim a watched ad: once, after the required seconds on the server clock' })
  @ApiOkResponse({ type: AdCompleteDto })
  @ApiProblems(
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
    ProblemCode.NotFound,
    ProblemCode.AlreadyClaimed,
    ProblemCode.Conflict,
    ProblemCode.AdSessionExpired,
    ProblemCode.AdTooEarly,
    ProblemCode.AdDailyCapReached,
    ProblemCode.IdempotencyKeyReused,
    ProblemCode.IdempotencyInProgress,
  )
  complete(@CurrentUser() user: Principal, @Param('id') id: string): Promise<AdCompleteResult> {
    return this.ads.complete(user.userId, id);
  }
}
