import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CreditsService } from '../credits/credits.service';
import { ReferralBonusService } from '../referrals/referral-bonus.service';
import type { AdSession } from './entities/ad-session.entity';

/**
 * Pays for a completed ad session, inside the caller's transaction (the one that marked the session completed):
 * the `ad_reward` (unique per session in the ledger) and, after a referred user's first ad, the `referral_bonus` to
 * both sides (decided once per sign-up, within the referral caps).
 */
@Injectable()
export class AdRewardsService {
  constructor(
    private readonly credits: CreditsService,
    private readonly referrals: ReferralBonusService,
  ) {}

  /** `referrerId`: who invited the session's user (read before the transaction), if anyone. */
  async pay(
    m: EntityManager,
    session: AdSession,
    referrerId: string | null,
  ): Promise<{ granted: number; balance: number }> {
    // The referral first: its advisory locks must be taken before this transaction locks any account row.
    if (referrerId) await this.referrals.payOnFirstAd(m, session.userId);
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
