import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type Redis from 'ioredis';
import { IntervalTask } from '../common/scheduling/interval-task';
import { jobsConfig } from '../config/jobs.config';
import { REDIS } from '../redis/redis.module';
import { JobQueueService } from './job-queue.service';
import { JobSweeper } from './job-sweeper';

/**
 * Runs in the worker: every interval, re-adds committed jobs that never reached BullMQ, and sweeps jobs stuck in
 * progress (see JobSweeper). When Redis comes back after an outage it may have come back empty (restarted without
 * persistence, failed over): the next tick checks every job in progress against BullMQ at once, not after the usual
 * orphan delay, so queued jobs run again within seconds.
 */
@Injectable()
export class JobOutboxRelay extends IntervalTask {
  private redisLost = false;
  private checkAllInProgress = false;

  constructor(
    private readonly queue: JobQueueService,
    private readonly sweeper: JobSweeper,
    @Inject(jobsConfig.KEY) private readonly config: ConfigType<typeof jobsConfig>,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    super();
  }

  override onApplicationBootstrap(): void {
    this.redis.on('close', () => (this.redisLost = true));
    this.redis.on('ready', () => {
      if (this.redisLost) this.checkAllInProgress = true;
      this.redisLost = false;
    });
    super.onApplicationBootstrap();
  }

  protected get intervalMs(): number {
    return this.config.outboxRelayIntervalMs;
  }

  protected async tick(): Promise<void> {
    const added = await this.queue.relay();
    if (added > 0) this.logger.log(`Relayed ${added} job(s) from the outbox`);
    const stale = await this.sweeper.failStaleTextRuns();
    if (stale > 0) this.logger.warn(`Failed and refunded ${stale} text run(s) abandoned by their API process`);
    const checkAll = this.checkAllInProgress;
    const lost = await this.sweeper.requeueLostMediaJobs(checkAll ? 0 : undefined);
    if (checkAll) this.checkAllInProgress = false;
    if (lost > 0) this.logger.warn(`Re-added ${lost} media job(s) that BullMQ had lost`);
  }
}
