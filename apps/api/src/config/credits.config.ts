import { registerAs } from '@nestjs/config';
import { IsInt, Min } from 'class-validator';
import { validateConfig } from './validate-config';

/** Reward amounts, in whole credits in the environment; the services work in milli-credits. */
export class CreditsConfig {
  @IsInt() @Min(0)
  signupBonusCredits: number = 5;
}

export const creditsConfig = registerAs('credits', () =>
  validateConfig('credits', CreditsConfig, { signupBonusCredits: process.env.SIGNUP_BONUS_CREDITS }),
);
