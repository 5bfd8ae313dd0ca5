import { Module } from '@nestjs/common';
import { ProvidersModule } from '../providers/providers.module';
import { ToolsModule } from '../tools/tools.module';
import { JobOutboxRelay } from './job-outbox.relay';
import { JobSweeper } from './job-sweeper';
import { JobsCoreModule } from './jobs-core.module';
import { MediaJobRunner } from './processors/media-job.runner';
import { QueueDepthPublisher } from './queue-depth.publisher';
import { AudioProcessor, ImageProcessor, VideoProcessor } from './processors/media.processors';

/** The worker side: BullMQ processors for the media queues and the outbox relay. Only in WorkerModule. */
@Module({
  imports: [JobsCoreModule, ProvidersModule, ToolsModule],
  providers: [
    MediaJobRunner,
    ImageProcessor,
    AudioProcessor,
    VideoProcessor,
    JobOutboxRelay,
    JobSweeper,
    QueueDepthPublisher,
  ],
})
export class JobsWorkerModule {}
