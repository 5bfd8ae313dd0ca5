import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { ReferralsView } from '@megicai/contracts';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { RequireScope } from '../common/auth/roles.decorator';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { ReferralsService } from './referrals.service';

export class ReferralsDto {
  @ApiProperty({ example: 'K7M2Q9XA' }) code!: string;
  @ApiProperty({ example: 'https://megicai.example/register?ref=K7M2Q9XA' }) link!: string;
  @ApiProperty({ example: 3, description: 'Accounts registered with the code' }) invited!: number;
  @ApiProperty({ example: 20, description: 'Credits earned from referral bonuses' }) bonusEarned!: number;
}

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get()
  @RequireScope('read')
  @ApiOkResponse({ type: ReferralsDto })
  @ApiProblems(401, 403)
  view(@CurrentUser() user: Principal): Promise<ReferralsView> {
    return this.referrals.view(user.userId);
  }
}
