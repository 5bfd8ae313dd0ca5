import { registerAs } from '@nestjs/config';
import { IsNumber, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

/**
 * Figures for the admin's revenue estimate: what a completed rewarded ad earns (eCPM, USD per 1000 completions, per
 * tier) and what one provider run costs us (USD, per tool kind). Estimates only: networks and providers bill later.
 */
export class AnalyticsConfig {
  @IsNumber()
  @Min(0)
  @Max(1000)
  ecpmTextUsd: number = 8;

  @IsNumber()
  @Min(0)
  @Max(1000)
  ecpmImageUsd: number = 12;

  @IsNumber()
  @Min(0)
  @Max(1000)
  ecpmVideoUsd: number = 18;

  @IsNumber()
  @Min(0)
  @Max(100)
  runCostTextUsd: number = 0.0005;

  @IsNumber()
  @Min(0)
  @Max(100)
  runCostImageUsd: number = 0.02;

  @IsNumber()
  @Min(0)
  @Max(100)
  runCostAudioUsd: number = 0.01;

  @IsNumber()
  @Min(0)
  @Max(100)
  runCostVideoUsd: number = 0.1;
}

export const analyticsConfig = registerAs('analytics', () =>
  validateConfig('analytics', AnalyticsConfig, {
    ecpmTextUsd: process.env.ANALYTICS_ECPM_TEXT_USD,
    ecpmImageUsd: process.env.ANALYTICS_ECPM_IMAGE_USD,
    ecpmVideoUsd: process.env.ANALYTICS_ECPM_VIDEO_USD,
    runCostTextUsd: process.env.ANALYTICS_RUN_COST_TEXT_USD,
    runCostImageUsd: process.env.ANALYTICS_RUN_COST_IMAGE_USD,
    runCostAudioUsd: process.env.ANALYTICS_RUN_COST_AUDIO_USD,
    runCostVideoUsd: process.env.ANALYTICS_RUN_COST_VIDEO_USD,
  }),
);
