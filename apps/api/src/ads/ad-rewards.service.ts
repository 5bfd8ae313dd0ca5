import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CreditsService } from '../credits/credits.service';
import { ReferralBonusService } from '../referrals/referral-bonus.service';
import type { AdSession } from './entities/ad-session.entity';

/**
 * Pays for a completed ad session, inside the caller's transaction (the one that marked the session completed):
 * the `ad_reward` (unique per session in the ledger) and, when this ad is the last condition the invited user had
 * left (their email being verified), the `referral_bonus` to both sides (unique per invited user).
 */
@Injectable()
export class AdRewardsService {
  constructor(
    private readonly credits: CreditsService,
    private readonly referralBonus: ReferralBonusService,
  ) {}

  async pay(m: EntityManager, session: AdSession): Promise<{ granted: number; balance: number }> {
    // The bonus first: it locks the user's row before any credit account, in the order a verification takes them.
    await this.referralBonus.payIfDue(m, session.userId, true);
    const reward = await this.credits.grant(
      {
        userId: session.userId,
        amount: session.credits,
        kind: 'ad_reward',
        reference: { type: 'ad_session', id: session.id },
      },
      m,
    );
    return { granted: session.credits, balance: reward.balance };
  }
}
