import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { jobsConfig } from '../config/jobs.config';
import { JobQueueService } from './job-queue.service';
import { MEDIA_QUEUES, MediaQueue } from './jobs.constants';

/**
 * CloudWatch Embedded Metric Format: one JSON line per metric set on stdout. On ECS the awslogs driver ships it to
 * CloudWatch Logs, which extracts the metrics: no SDK call, no IAM permission, nothing to do when Redis is slow.
 * Per queue `WaitingJobs` (dimension Queue) and, dimensionless, `WaitingJobsTotal`, which the worker service scales on.
 */
export function queueDepthEmf(namespace: string, waiting: Record<MediaQueue, number>, now: number): string[] {
  const meta = (dimensions: string[][], name: string) => ({
    Timestamp: now,
    CloudWatchMetrics: [{ Namespace: namespace, Dimensions: dimensions, Metrics: [{ Name: name, Unit: 'Count' }] }],
  });
  const total = Object.values(waiting).reduce((a, b) => a + b, 0);
  return [
    ...MEDIA_QUEUES.map((queue) =>
      JSON.stringify({ _aws: meta([['Queue']], 'WaitingJobs'), Queue: queue, WaitingJobs: waiting[queue] }),
    ),
    JSON.stringify({ _aws: meta([[]], 'WaitingJobsTotal'), WaitingJobsTotal: total }),
  ];
}

/** In the worker, when CLOUDWATCH_METRICS=true: publishes the queue depth every CLOUDWATCH_METRICS_INTERVAL_MS. */
@Injectable()
export class QueueDepthPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueDepthPublisher.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly queues: JobQueueService,
    @Inject(jobsConfig.KEY) private readonly config: ConfigType<typeof jobsConfig>,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.cloudwatchMetrics) return;
    this.timer = setInterval(() => void this.publish(), this.config.cloudwatchIntervalMs);
    this.timer.unref();
    void this.publish();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async publish(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<void> {
    try {
      const counts = await Promise.all(MEDIA_QUEUES.map((q) => this.queues.queue(q).getWaitingCount()));
      const waiting = Object.fromEntries(MEDIA_QUEUES.map((q, i) => [q, counts[i]])) as Record<MediaQueue, number>;
      for (const line of queueDepthEmf(this.config.cloudwatchNamespace, waiting, Date.now())) write(line);
    } catch (err) {
      // A missed data point is harmless (the alarm treats missing data as not breaching); never crash the worker.
      this.logger.warn(`Queue depth not published: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
