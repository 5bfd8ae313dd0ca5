import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { MILLI_PER_CREDIT } from '@megicai/contracts';
import { creditsConfig } from '../config/credits.config';
import { DuplicateMovementError } from '../credits/credits.errors';
import { CreditsService } from '../credits/credits.service';
import type { AdSession } from './entities/ad-session.entity';

/**
 * Pays for a completed ad session, inside the caller's transaction (the one that marked the session completed):
 * the `ad_reward` (unique per session in the ledger) and, after a referred user's first ad, the `referral_bonus` to
 * both sides (unique per invited user).
 */
@Injectable()
export class AdRewardsService {
  constructor(
    private readonly credits: CreditsService,
    @Inject(creditsConfig.KEY) private readonly creditsCfg: ConfigType<typeof creditsConfig>,
  ) {}

  /** `referrerId`: who invited the session's user (read before the transaction), if anyone. */
  async pay(
    m: EntityManager,
    session: AdSession,
    referrerId: string | null,
  ): Promise<{ granted: number; balance: number }> {
    const reward = await this.credits.grant(
      {
        userId: session.userId,
        amount: session.credits,
        kind: 'ad_reward',
        reference: { type: 'ad_session', id: session.id },
      },
      m,
    );
    const referralBalance = referrerId ? await this.payReferral(m, session.userId, referrerId) : null;
    return { granted: session.credits, balance: referralBalance ?? reward.balance };
  }

  /** Returns the invited user's new balance when the bonus was paid now. */
  private async payReferral(m: EntityManager, invitedId: string, referrerId: string): Promise<number | null> {
    const bonus = this.creditsCfg.referralBonusCredits * MILLI_PER_CREDIT;
    if (bonus <= 0 || referrerId === invitedId) return null;
    const reference = { type: 'referral', id: invitedId };
    try {
      // A savepoint: a bonus paid before must not abort the ad reward of this transaction.
      return await m.transaction(async (inner) => {
        const mine = await this.credits.grant(
          { userId: invitedId, amount: bonus, kind: 'referral_bonus', reference },
          inner,
        );
        await this.credits.grant({ userId: referrerId, amount: bonus, kind: 'referral_bonus', reference }, inner);
        return mine.balance;
      });
    } catch (error) {
      if (error instanceof DuplicateMovementError) return null;
      throw error;
    }
  }
}
