import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { Queue } from 'bullmq';
import { analyticsConfig } from '../config/analytics.config';
import { AnalyticsRollupService } from './analytics-rollup.service';

export const ANALYTICS_QUEUE = 'analytics';
const ROLLUP_SCHEDULER = 'analytics-rollup';

/**
 * Worker: a repeatable BullMQ job (one scheduler, however many workers start) that folds new analytics events into
 * the daily rollups. Two workers running it at once are safe: the rollup takes an advisory try-lock.
 */
@Processor(ANALYTICS_QUEUE, { concurrency: 1 })
export class AnalyticsRollupProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(AnalyticsRollupProcessor.name);

  constructor(
    private readonly rollups: AnalyticsRollupService,
    @InjectQueue(ANALYTICS_QUEUE) private readonly queue: Queue,
    @Inject(analyticsConfig.KEY) private readonly cfg: ConfigType<typeof analyticsConfig>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      ROLLUP_SCHEDULER,
      { every: this.cfg.rollupIntervalMs },
      { name: ROLLUP_SCHEDULER, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }

  async process(): Promise<void> {
    const { rolled, deleted, ran } = await this.rollups.rollup();
    if (ran && (rolled > 0 || deleted > 0)) {
      this.logger.log(`Rolled up ${rolled} analytics event(s); deleted ${deleted} past the retention`);
    }
  }
}
