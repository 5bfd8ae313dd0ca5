import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { MILLI_PER_CREDIT } from '@megicai/contracts';
import { creditsConfig } from '../config/credits.config';
import { referralsConfig } from '../config/referrals.config';
import { DuplicateMovementError } from '../credits/credits.errors';
import { CreditsService } from '../credits/credits.service';
import { UsersService } from '../users/users.service';

const DAY_START = `(date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`;
const MONTH_START = `(date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`;

/** Why a pending bonus is paid or not. */
type Decision = 'paid' | 'capped';

/**
 * The referral bonus: both sides get it once the invited user has proven their email AND watched a first ad, paid by
 * whichever of the two happens last (a verification or an ad completion calls `payIfDue` in its transaction) — within
 * caps per referrer (day, month) and per sign-up address (day), so neither made-up addresses nor sock puppets farm
 * it. The decision is taken once per sign-up (pending → paid | capped). Locks are always taken in one order — the
 * invited user's row, then advisory locks on the referrer and the address, then credit accounts — so the caps hold
 * under parallel completions and no two bonuses deadlock; the ledger's unique (user, kind, reference) pays it once.
 */
@Injectable()
export class ReferralBonusService {
  constructor(
    private readonly users: UsersService,
    private readonly credits: CreditsService,
    @Inject(creditsConfig.KEY) private readonly creditsCfg: ConfigType<typeof creditsConfig>,
    @Inject(referralsConfig.KEY) private readonly cfg: ConfigType<typeof referralsConfig>,
  ) {}

  /** Called in the registration transaction of a user who signed up with someone's code. */
  async recordSignup(m: EntityManager, invitedId: string, referrerId: string, address: string): Promise<void> {
    await m.query(`INSERT INTO referral_signups (invited_id, referrer_id, signup_address) VALUES ($1, $2, $3)`, [
      invitedId,
      referrerId,
      address.slice(0, 64),
    ]);
  }

  /**
   * `adNow`: the caller is paying the invited user's ad in this transaction (call this before that grant, so the
   * user row is locked before any credit account, in the same order as a verification).
   * Returns the invited user's balance when the bonus was paid now, else null.
   */
  async payIfDue(m: EntityManager, invitedId: string, adNow = false): Promise<number | null> {
    const bonus = this.creditsCfg.referralBonusCredits * MILLI_PER_CREDIT;
    if (bonus <= 0) return null;
    const state = await this.users.lockReferralState(m, invitedId);
    if (!state?.emailVerified || !state.referredById || state.referredById === invitedId) return null;
    if (!adNow && !(await this.credits.hasEntry(invitedId, 'ad_reward', m))) return null;
    const [signup]: { referrer_id: string; signup_address: string | null }[] = await m.query(
      `SELECT referrer_id, signup_address FROM referral_signups WHERE invited_id = $1 AND status = 'pending'`,
      [invitedId],
    );
    if (!signup) return null;
    try {
      // A savepoint: whatever happens to the bonus must not abort the caller's own work (the ad reward, the verification).
      return await m.transaction(async (inner) => {
        const decision = await this.decide(inner, invitedId, signup.referrer_id, signup.signup_address);
        if (decision !== 'paid') return null;
        const reference = { type: 'referral', id: invitedId };
        const mine = await this.credits.grant(
          { userId: invitedId, amount: bonus, kind: 'referral_bonus', reference },
          inner,
        );
        await this.credits.grant(
          { userId: signup.referrer_id, amount: bonus, kind: 'referral_bonus', reference },
          inner,
        );
        return mine.balance;
      });
    } catch (error) {
      if (error instanceof DuplicateMovementError) return null;
      throw error;
    }
  }

  private async decide(
    m: EntityManager,
    invitedId: string,
    referrerId: string,
    address: string | null,
  ): Promise<Decision | null> {
    // Always referrer first, then address: one order, no deadlock between two bonuses.
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('referral:' || $1::text))`, [referrerId]);
    if (address) await m.query(`SELECT pg_advisory_xact_lock(hashtext('referral-address:' || $1::text))`, [address]);
    const [counts]: { today: number; month: number; address_today: number }[] = await m.query(
      `SELECT count(*) FILTER (WHERE referrer_id = $1 AND decided_at >= ${DAY_START})::int AS today,
              count(*) FILTER (WHERE referrer_id = $1 AND decided_at >= ${MONTH_START})::int AS month,
              count(*) FILTER (WHERE signup_address = $2 AND decided_at >= ${DAY_START})::int AS address_today
         FROM referral_signups
        WHERE status = 'paid' AND (referrer_id = $1 OR signup_address = $2) AND decided_at >= ${MONTH_START}`,
      [referrerId, address],
    );
    const capped =
      counts.today >= this.cfg.dailyCap ||
      counts.month >= this.cfg.monthlyCap ||
      (address !== null && counts.address_today >= this.cfg.addressDailyCap);
    const decision: Decision = capped ? 'capped' : 'paid';
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
    const [updated]: { n: number }[] = await m.query(
      `WITH u AS (UPDATE referral_signups SET status = $2, decided_at = now()
                   WHERE invited_id = $1 AND status = 'pending' RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [invitedId, decision],
    );
    return updated.n === 1 ? decision : null;
  }
}
