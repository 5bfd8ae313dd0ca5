import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DelayedError, Job as QueueJob } from 'bullmq';
import { isInfrastructureError } from '../../common/errors/infrastructure.exception';
import { readJobsConfig } from '../../config/jobs.config';
import { friendlyQueueFailure } from '../job-errors';
import type { MediaJobData } from '../jobs.constants';
import { MediaJobRunner } from './media-job.runner';

/** BullMQ worker options are decorator arguments, so they are read from the environment when this file loads. */
function workerOptions() {
  const config = readJobsConfig();
  return {
    concurrency: config.concurrency,
    lockDuration: config.lockDurationMs,
    stalledInterval: config.stalledIntervalMs,
    maxStalledCount: 1,
  };
}

abstract class MediaProcessor extends WorkerHost {
  private readonly logger = new Logger(this.constructor.name);

  constructor(private readonly runner: MediaJobRunner) {
    super();
  }

  /**
   * An infrastructure error (PostgreSQL or Redis away for a moment) is not the job's fault: the job goes back to
   * the delayed set without spending one of its attempts (BullMQ's moveToDelayed + DelayedError), and is tried
   * again until the infrastructure is back. Only the job's own failures count against its attempts.
   */
  async process(job: QueueJob<MediaJobData>, token?: string): Promise<void> {
    try {
      await this.runner.run(job);
    } catch (error) {
      if (!token || !isInfrastructureError(error)) throw error;
      this.logger.warn(`Job ${job.data.jobId} postponed: ${error instanceof Error ? error.message : String(error)}`);
      await job.moveToDelayed(Date.now() + readJobsConfig().infraRetryDelayMs, token);
      throw new DelayedError();
    }
  }

  /** Also fires for attempts that will be retried: only a job that ended in `failed` is refunded. */
  @OnWorkerEvent('failed')
  async onFailed(job: QueueJob<MediaJobData> | undefined, error: Error): Promise<void> {
    if (!job) return;
    try {
      if ((await job.getState()) !== 'failed') return;
      this.logger.warn(`Job ${job.data.jobId} failed for good: ${error.message}`);
      await this.runner.failedForGood(job.data.jobId, friendlyQueueFailure(error.message));
    } catch (err) {
      this.logger.warn(`Could not settle failed job ${job.data.jobId}: ${String(err)}`);
    }
  }
}

@Processor('image', workerOptions())
export class ImageProcessor extends MediaProcessor {
  constructor(runner: MediaJobRunner) {
    super(runner);
  }
}

@Processor('audio', workerOptions())
export class AudioProcessor extends MediaProcessor {
  constructor(runner: MediaJobRunner) {
    super(runner);
  }
}

@Processor('video', workerOptions())
export class VideoProcessor extends MediaProcessor {
  constructor(runner: MediaJobRunner) {
    super(runner);
  }
}
