import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnalyticsEventsModule } from '../analytics-events/analytics-events.module';
import { jobsConfig } from '../config/jobs.config';
import { CreditsModule } from '../credits/credits.module';
import { MarketplaceModule } from '../marketplace/marketplace.module';
import { StorageModule } from '../storage/storage.module';
import { WebhooksCoreModule } from '../webhooks/webhooks-core.module';
import { CachedHitsRecorder } from './cached-hits.recorder';
import { JobOutbox } from './entities/job-outbox.entity';
import { Job } from './entities/job.entity';
import { JobCacheService } from './job-cache.service';
import { JobQueueService } from './job-queue.service';
import { JobSettlementService } from './job-settlement.service';
import { JobsService } from './jobs.service';
import { MEDIA_QUEUES } from './jobs.constants';

/** What both the API and the worker need: the job state machine, the result cache, the queues and storage. */
@Module({
  imports: [
    ConfigModule.forFeature(jobsConfig),
    TypeOrmModule.forFeature([Job, JobOutbox]),
    BullModule.registerQueue(...MEDIA_QUEUES.map((name) => ({ name }))),
    AnalyticsEventsModule,
    CreditsModule,
    MarketplaceModule,
    StorageModule,
    WebhooksCoreModule,
  ],
  providers: [JobSettlementService, JobCacheService, JobQueueService, JobsService, CachedHitsRecorder],
  exports: [
    JobSettlementService,
    CachedHitsRecorder,
    JobCacheService,
    JobQueueService,
    JobsService,
    StorageModule,
    ConfigModule,
  ],
})
export class JobsCoreModule {}
