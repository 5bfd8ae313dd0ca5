import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { type ReferralsView, toCredits } from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { ReferralsException } from './referrals.exception';
import { appConfig } from '../config/app.config';
import { CreditsReadService } from '../credits/credits-read.service';
import { UsersService } from '../users/users.service';

/** The caller's referral code and what it brought. The bonus itself is paid by ReferralBonusService. */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly users: UsersService,
    private readonly credits: CreditsReadService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  async view(userId: string): Promise<ReferralsView> {
    const user = await this.users.findById(userId);
    if (!user) throw new ReferralsException(ProblemCode.NotFound, 'Not found.');
    const [invited, bonus] = await Promise.all([
      this.users.countReferredBy(userId),
      this.credits.sumOfKind(userId, 'referral_bonus'),
    ]);
    const link = new URL(`/register?ref=${encodeURIComponent(user.referralCode)}`, this.app.publicUrl).toString();
    return { code: user.referralCode, link, invited, bonusEarned: toCredits(bonus) };
  }
}
