import { registerAs } from '@nestjs/config';
import { IsInt, Min } from 'class-validator';
import { validateConfig } from './validate-config';

/** Reward amounts, in whole credits in the environment; the services work in milli-credits. */
export class CreditsConfig {
  @IsInt()
  @Min(0)
  signupBonusCredits: number = 5;

  /** The daily reward on the first day of a streak; each further consecutive day adds `dailyRewardStepCredits`. */
  @IsInt()
  @Min(1)
  dailyRewardCredits: number = 2;

  @IsInt()
  @Min(0)
  dailyRewardStepCredits: number = 1;

  /** The most one daily reward can reach, however long the streak. */
  @IsInt()
  @Min(1)
  dailyRewardMaxCredits: number = 7;

  /** Granted to both sides once the invited user completes a first ad. */
  @IsInt()
  @Min(0)
  referralBonusCredits: number = 10;
}

export const creditsConfig = registerAs('credits', () =>
  validateConfig('credits', CreditsConfig, {
    signupBonusCredits: process.env.SIGNUP_BONUS_CREDITS,
    dailyRewardCredits: process.env.DAILY_REWARD_CREDITS,
    dailyRewardStepCredits: process.env.DAILY_REWARD_STEP_CREDITS,
    dailyRewardMaxCredits: process.env.DAILY_REWARD_MAX_CREDITS,
    referralBonusCredits: process.env.REFERRAL_BONUS_CREDITS,
  }),
);
