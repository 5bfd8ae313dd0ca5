import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ReferralsView } from '@megicai/contracts';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { RequireScope } from '../common/auth/roles.decorator';
import { ProblemCode } from '@megicai/contracts';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { ReferralsDto } from './dto/referrals.dto';
import { ReferralsService } from './referrals.service';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get()
  @RequireScope('read')
  @ApiOkResponse({ type: ReferralsDto })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.ApiKeyScope, ProblemCode.NotFound)
  view(@CurrentUser() user: Principal): Promise<ReferralsView> {
    return this.referrals.view(user.userId);
  }
}
