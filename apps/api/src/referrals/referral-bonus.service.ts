import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { MILLI_PER_CREDIT } from '@megicai/contracts';
import { creditsConfig } from '../config/credits.config';
import { DuplicateMovementError } from '../credits/credits.errors';
import { CreditsService } from '../credits/credits.service';
import { UsersService } from '../users/users.service';

/**
 * The referral bonus: both sides get it once the invited user has proven their email AND watched a first ad, paid
 * by whichever of the two happens last (a verification or an ad completion calls `payIfDue` in its transaction).
 * Made-up addresses cannot farm it; the ledger's unique (user, kind, reference) pays it once.
 */
@Injectable()
export class ReferralBonusService {
  constructor(
    private readonly users: UsersService,
    private readonly credits: CreditsService,
    @Inject(creditsConfig.KEY) private readonly creditsCfg: ConfigType<typeof creditsConfig>,
  ) {}

  /**
   * `adNow`: the caller is paying the invited user's ad in this transaction (call this before that grant, so the
   * user row is locked before any credit account, in the same order as a verification).
   * Returns the invited user's balance when the bonus was paid now, else null.
   */
  async payIfDue(m: EntityManager, invitedId: string, adNow = false): Promise<number | null> {
    const bonus = this.creditsCfg.referralBonusCredits * MILLI_PER_CREDIT;
    if (bonus <= 0) return null;
    const state = await this.users.lockReferralState(m, invitedId);
    const referrerId = state?.referredById;
    if (!state?.emailVerified || !referrerId || referrerId === invitedId) return null;
    if (!adNow && !(await this.credits.hasEntry(invitedId, 'ad_reward', m))) return null;
    const reference = { type: 'referral', id: invitedId };
    try {
      // A savepoint: a bonus paid before must not abort the caller's own work (the ad reward, the verification).
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
