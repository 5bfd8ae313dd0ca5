import { registerAs } from '@nestjs/config';
import { IsInt, IsNumber, Max, Min } from 'class-validator';
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

  /** Raw analytics events older than this are deleted by the rollup job (the daily rollups stay). */
  @IsInt()
  @Min(1)
  @Max(3650)
  eventsRetentionDays: number = 90;

  /** How often the worker folds new events into the daily rollups. */
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  rollupIntervalMs: number = 60_000;

  /**
   * The rollup leaves events younger than this to the live tail: an event whose transaction is still open is not
   * visible yet, and the watermark must not pass it. A transaction open longer than this after writing an event
   * would lose it (none of the writers' transactions comes close).
   */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  rollupSettleMs: number = 30_000;
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
    eventsRetentionDays: process.env.ANALYTICS_EVENTS_RETENTION_DAYS,
    rollupIntervalMs: process.env.ANALYTICS_ROLLUP_INTERVAL_MS,
    rollupSettleMs: process.env.ANALYTICS_ROLLUP_SETTLE_MS,
  }),
);
