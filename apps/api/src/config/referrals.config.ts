import { registerAs } from '@nestjs/config';
import { IsInt, Min } from 'class-validator';
import { validateConfig } from './validate-config';

/**
 * Limits on referral bonuses (item: referral farming). A bonus beyond a cap is not paid: the sign-up is marked
 * `capped` when the invited user's first ad decides it.
 */
export class ReferralsConfig {
  /** Bonuses one referrer can earn per UTC day. */
  @IsInt()
  @Min(0)
  dailyCap: number = 5;

  /** Bonuses one referrer can earn per UTC calendar month. */
  @IsInt()
  @Min(0)
  monthlyCap: number = 30;

  /** Bonuses paid per UTC day for sign-ups that came from one client address, whoever referred them. */
  @IsInt()
  @Min(0)
  addressDailyCap: number = 2;
}

export const referralsConfig = registerAs('referrals', () =>
  validateConfig('referrals', ReferralsConfig, {
    dailyCap: process.env.REFERRAL_DAILY_CAP,
    monthlyCap: process.env.REFERRAL_MONTHLY_CAP,
    addressDailyCap: process.env.REFERRAL_ADDRESS_DAILY_CAP,
  }),
);
