import { registerAs } from '@nestjs/config';
import { IsNumber, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

/** The creator's cut of every run through their template, and the weight of the rating prior for `top`. */
export class MarketplaceConfig {
  @IsNumber()
  @Min(0)
  @Max(100)
  creatorSharePercent: number = 2;

  /** C in the Bayesian average (C·m + Σstars) / (C + n): how many votes the prior counts for. */
  @IsNumber()
  @Min(1)
  @Max(10000)
  ratingPriorWeight: number = 10;
}

export const marketplaceConfig = registerAs('marketplace', () =>
  validateConfig('marketplace', MarketplaceConfig, {
    creatorSharePercent: process.env.MARKETPLACE_CREATOR_SHARE_PERCENT,
    ratingPriorWeight: process.env.MARKETPLACE_RATING_PRIOR_WEIGHT,
  }),
);
