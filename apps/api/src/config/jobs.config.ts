import { registerAs } from '@nestjs/config';
import { IsBoolean, IsInt, IsString, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

/** Queues, retries, limits and the result cache of tool runs. */
export class JobsConfig {
  /** Image, audio and video jobs one user may have queued or running at once; beyond → 429. */
  @IsInt()
  @Min(1)
  maxActiveMediaJobs: number = 5;

  /** BullMQ attempts per job (a crash or a failed try); the last failure fails the job and refunds it. */
  @IsInt()
  @Min(1)
  @Max(20)
  attempts: number = 3;

  @IsInt()
  @Min(0)
  backoffMs: number = 2000;

  /**
   * How long a media job waits before it is tried again after an infrastructure error (PostgreSQL or Redis away):
   * such a retry spends none of the job's attempts, so it goes on until the infrastructure is back.
   */
  @IsInt()
  @Min(100)
  infraRetryDelayMs: number = 2000;

  /** A media job that runs longer than this fails (and is refunded). */
  @IsInt()
  @Min(1000)
  timeoutMs: number = 20 * 60_000;

  /** How long a worker's lock on a job lasts without renewal; a killed worker's job is picked up after it expires. */
  @IsInt()
  @Min(200)
  lockDurationMs: number = 30_000;

  @IsInt()
  @Min(200)
  stalledIntervalMs: number = 30_000;

  /** Jobs processed at once per queue by one worker process. */
  @IsInt()
  @Min(1)
  @Max(100)
  concurrency: number = 4;

  /** The relay re-adds outbox rows older than this that never reached the queue (crash between commit and add). */
  @IsInt()
  @Min(100)
  outboxRelayIntervalMs: number = 5000;

  /** Progress is written to the job row at most this often. */
  @IsInt()
  @Min(0)
  progressThrottleMs: number = 250;

  /** A text run still `running` after this died with its API process: the sweeper fails and refunds it. */
  @IsInt()
  @Min(1000)
  staleTextRunMs: number = 30 * 60_000;

  /** A media job in progress with no update for this long is checked against BullMQ and re-added if it was lost. */
  @IsInt()
  @Min(1000)
  orphanCheckAfterMs: number = 5 * 60_000;

  /** Cached answers live this long (seconds). */
  @IsInt()
  @Min(1)
  cacheTtlSeconds: number = 24 * 3600;

  /** The worker prints the waiting count of each queue as CloudWatch Embedded Metric Format lines (ECS autoscaling). */
  @IsBoolean()
  cloudwatchMetrics: boolean = false;

  @IsString()
  cloudwatchNamespace: string = 'MegicAI';

  @IsInt()
  @Min(1000)
  cloudwatchIntervalMs: number = 60_000;
}

/** Read at import time too: BullMQ worker options are decorator arguments. */
export const readJobsConfig = (): JobsConfig =>
  validateConfig('jobs', JobsConfig, {
    maxActiveMediaJobs: process.env.MAX_ACTIVE_MEDIA_JOBS,
    attempts: process.env.JOB_ATTEMPTS,
    backoffMs: process.env.JOB_BACKOFF_MS,
    infraRetryDelayMs: process.env.JOB_INFRA_RETRY_DELAY_MS,
    timeoutMs: process.env.JOB_TIMEOUT_MS,
    lockDurationMs: process.env.JOB_LOCK_DURATION_MS,
    stalledIntervalMs: process.env.JOB_STALLED_INTERVAL_MS,
    concurrency: process.env.JOB_CONCURRENCY,
    outboxRelayIntervalMs: process.env.OUTBOX_RELAY_INTERVAL_MS,
    progressThrottleMs: process.env.JOB_PROGRESS_THROTTLE_MS,
    cacheTtlSeconds: process.env.RESULT_CACHE_TTL_SECONDS,
    staleTextRunMs: process.env.STALE_TEXT_RUN_MS,
    orphanCheckAfterMs: process.env.ORPHAN_CHECK_AFTER_MS,
    cloudwatchMetrics:
      process.env.CLOUDWATCH_METRICS === undefined ? undefined : process.env.CLOUDWATCH_METRICS === 'true',
    cloudwatchNamespace: process.env.CLOUDWATCH_METRICS_NAMESPACE,
    cloudwatchIntervalMs: process.env.CLOUDWATCH_METRICS_INTERVAL_MS,
  });

export const jobsConfig = registerAs('jobs', readJobsConfig);
