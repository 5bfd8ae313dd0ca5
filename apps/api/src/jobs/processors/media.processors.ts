import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job as QueueJob } from 'bullmq';
import { readJobsConfig } from '../../config/jobs.config';
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

  process(job: QueueJob<MediaJobData>): Promise<void> {
    return this.runner.run(job);
  }

  /** Also fires for attempts that will be retried: only a job that ended in `failed` is refunded. */
  @OnWorkerEvent('failed')
  async onFailed(job: QueueJob<MediaJobData> | undefined, error: Error): Promise<void> {
    if (!job) return;
    try {
      if ((await job.getState()) === 'failed') await this.runner.failedForGood(job.data.jobId, error.message);
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
