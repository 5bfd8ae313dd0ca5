import { Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CreditsSummary, DailyRewardResult, LedgerEntryView, Page } from '@megicai/contracts';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { RequireScope } from '../common/auth/roles.decorator';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ProblemCode } from '@megicai/contracts';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { CreditsReadService } from './credits-read.service';
import { DailyRewardService } from './daily-reward.service';
import { CreditsSummaryDto, DailyRewardDto, LedgerPageDto } from './dto/credits.dto';

@ApiTags('credits')
@ApiBearerAuth()
@Controller('credits')
export class CreditsController {
  constructor(
    private readonly read: CreditsReadService,
    private readonly daily: DailyRewardService,
  ) {}

  @Get()
  @RequireScope('credits')
  @ApiOkResponse({ type: CreditsSummaryDto })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.ApiKeyScope)
  summary(@CurrentUser() user: Principal): Promise<CreditsSummary> {
    return this.read.summary(user.userId);
  }

  @Get('ledger')
  @RequireScope('credits')
  @ApiOperation({ summary: 'The caller’s ledger, newest first' })
  @ApiOkResponse({ type: LedgerPageDto })
  @ApiProblems(
    ProblemCode.ValidationFailed,
    ProblemCode.InvalidCursor,
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
  )
  ledger(@CurrentUser() user: Principal, @Query() query: PageQueryDto): Promise<Page<LedgerEntryView>> {
    return this.read.page(user.userId, query.limit, query.cursor);
  }

  @Post('daily-reward')
  @Idempotent()
  @RequireScope('credits')
  @ApiOperation({ summary: 'Claim the daily reward (once per UTC day; grows with the streak up to a cap)' })
  @ApiCreatedResponse({ type: DailyRewardDto })
  @ApiProblems(
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
    ProblemCode.AlreadyClaimed,
    ProblemCode.IdempotencyKeyReused,
    ProblemCode.IdempotencyInProgress,
  )
  dailyReward(@CurrentUser() user: Principal): Promise<DailyRewardResult> {
    return this.daily.claim(user.userId);
  }
}
