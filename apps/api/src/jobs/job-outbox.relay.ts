import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { IntervalTask } from '../common/scheduling/interval-task';
import { jobsConfig } from '../config/jobs.config';
import { JobQueueService } from './job-queue.service';
import { JobSweeper } from './job-sweeper';

/**
 * Runs in the worker: every interval, re-adds committed jobs that never reached BullMQ, and sweeps jobs stuck in
 * progress (see JobSweeper).
 */
@Injectable()
export class JobOutboxRelay extends IntervalTask {
  constructor(
    private readonly queue: JobQueueService,
    private readonly sweeper: JobSweeper,
    @Inject(jobsConfig.KEY) private readonly config: ConfigType<typeof jobsConfig>,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return this.config.outboxRelayIntervalMs;
  }

  protected async tick(): Promise<void> {
    const added = await this.queue.relay();
    if (added > 0) this.logger.log(`Relayed ${added} job(s) from the outbox`);
    const stale = await this.sweeper.failStaleTextRuns();
    if (stale > 0) this.logger.warn(`Failed and refunded ${stale} text run(s) abandoned by their API process`);
    const lost = await this.sweeper.requeueLostMediaJobs();
    if (lost > 0) this.logger.warn(`Re-added ${lost} media job(s) that BullMQ had lost`);
  }
}
