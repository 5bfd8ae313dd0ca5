import { ProblemCode } from '@megicai/contracts';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { type SpendLimitsView, toMilli } from '@megicai/contracts';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { RequireScope } from '../common/auth/roles.decorator';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { CreditsException } from './credits.exception';
import { SpendLimitsDto, UpdateSpendLimitsDto } from './dto/limits.dto';
import { SpendLimitsService } from './spend-limits.service';

const milli = (value: number | null | undefined) => (value === undefined || value === null ? value : toMilli(value));

@ApiTags('credits')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('me/limits')
export class LimitsController {
  constructor(private readonly limits: SpendLimitsService) {}

  @Get()
  @RequireScope('credits')
  @ApiOperation({ summary: 'Spending caps, low-balance alert, and what runs spent today and this month (UTC)' })
  @ApiOkResponse({ type: SpendLimitsDto })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.ApiKeyScope)
  get(@CurrentUser() user: Principal): Promise<SpendLimitsView> {
    return this.limits.get(user.userId);
  }

  @Put()
  @ApiOperation({
    summary: 'Set spending caps and the low-balance alert',
    description:
      'A run that would pass a cap is refused with 402 `spend_cap_reached`. Omitted fields stay as they are; null ' +
      'removes a cap. Only a signed-in person can change limits: an API key cannot lift the caps that bind it.',
  })
  @ApiOkResponse({ type: SpendLimitsDto })
  @ApiProblems(ProblemCode.ValidationFailed, ProblemCode.Unauthorized, ProblemCode.ApiKeyScope)
  set(@CurrentUser() user: Principal, @Body() dto: UpdateSpendLimitsDto): Promise<SpendLimitsView> {
    if (user.via !== 'jwt') {
      throw new CreditsException('api_key_scope', 'Spending limits are changed by signing in, not with an API key.');
    }
    return this.limits.set(user.userId, {
      dailyCap: milli(dto.dailyCreditCap),
      monthlyCap: milli(dto.monthlyCreditCap),
      lowBalanceAlert: milli(dto.lowBalanceAlert),
    });
  }
}
