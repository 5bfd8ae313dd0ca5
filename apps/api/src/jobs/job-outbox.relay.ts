import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { jobsConfig } from '../config/jobs.config';
import { JobQueueService } from './job-queue.service';
import { JobSweeper } from './job-sweeper';

/**
 * Runs in the worker: every interval, re-adds committed jobs that never reached BullMQ, and sweeps jobs stuck in
 * progress (see JobSweeper).
 */
@Injectable()
export class JobOutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobOutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly queue: JobQueueService,
    private readonly sweeper: JobSweeper,
    @Inject(jobsConfig.KEY) private readonly config: ConfigType<typeof jobsConfig>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.outboxRelayIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const added = await this.queue.relay();
      if (added > 0) this.logger.log(`Relayed ${added} job(s) from the outbox`);
      const stale = await this.sweeper.failStaleTextRuns();
      if (stale > 0) this.logger.warn(`Failed and refunded ${stale} text run(s) abandoned by their API process`);
      const lost = await this.sweeper.requeueLostMediaJobs();
      if (lost > 0) this.logger.warn(`Re-added ${lost} media job(s) that BullMQ had lost`);
    } catch (error) {
      this.logger.warn(`Outbox relay failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
