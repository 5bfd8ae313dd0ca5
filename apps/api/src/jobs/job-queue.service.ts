import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Batcher } from '../common/batching/batcher';
import { jobsConfig } from '../config/jobs.config';
import { redisConfig } from '../config/redis.config';
import { hydrate } from '../common/sql/hydrate';
import { Job } from './entities/job.entity';
import { MEDIA_QUEUES, MediaJobData, mediaJobData, MediaQueue, type QueuedJob } from './jobs.constants';

/**
 * BullMQ's connection keeps commands while Redis is away and sends them when it returns (its workers need that).
 * A request must not wait for that: after this long the job stays in the outbox and the caller goes on. An add
 * that completes later anyway is harmless (the BullMQ job id is our job id).
 */
const QUEUE_CALL_TIMEOUT_MS = 1000;

function bounded<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // ETIMEDOUT: an infrastructure error, answered 503 + Retry-After when a request is waiting for it.
      const error = Object.assign(new Error(`${what}: Redis did not answer in ${QUEUE_CALL_TIMEOUT_MS} ms`), {
        code: 'ETIMEDOUT',
      });
      // After the I/O phase that follows the timer, as the result cache does: a stalled loop is not a slow Redis.
      setImmediate(() => reject(error));
    }, QUEUE_CALL_TIMEOUT_MS);
  });
  work.catch(() => undefined); // a late failure after the timeout has nobody left to tell
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Hands committed media jobs to BullMQ. The job's outbox row is written in the job's transaction and deleted once
 * the add succeeded; a row left behind (a crash or Redis down between commit and add) is re-added by the relay.
 * Adding twice is harmless: the BullMQ job id is our job id, and a worker only starts a job that is still queued.
 */
export interface FailedQueueJob {
  id: string;
  error: string;
  attemptsMade: number;
  failedAt: string;
}

@Injectable()
export class JobQueueService {
  private readonly logger = new Logger(JobQueueService.name);
  private readonly queues: Record<MediaQueue, Queue<MediaJobData>>;
  private readonly sentOutboxRows = new Batcher<string, void>(async (jobIds) => {
    await this.dataSource.query(`DELETE FROM job_outbox WHERE job_id = ANY($1::uuid[])`, [jobIds]);
    return jobIds.map(() => ({ status: 'fulfilled', value: undefined }));
  });

  /** The Redis prefix of this deployment's queues: the relay adds only outbox rows written for them. */
  readonly prefix: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(jobsConfig.KEY) private readonly config: ConfigType<typeof jobsConfig>,
    @Inject(redisConfig.KEY) redis: ConfigType<typeof redisConfig>,
    @InjectQueue('image') image: Queue<MediaJobData>,
    @InjectQueue('audio') audio: Queue<MediaJobData>,
    @InjectQueue('video') video: Queue<MediaJobData>,
  ) {
    this.queues = { image, audio, video };
    this.prefix = redis.prefix;
    // Without a listener BullMQ prints every failed reconnect of a Redis outage; one line per 10 s says enough.
    let lastLog = 0;
    for (const q of Object.values(this.queues)) {
      q.on('error', (error: Error) => {
        if (Date.now() - lastLog < 10_000) return;
        lastLog = Date.now();
        this.logger.warn(`Queue connection: ${error.message}`);
      });
    }
  }

  /**
   * After commit. Never throws: a job that could not be added stays in the outbox for the relay. Once added, its
   * outbox row goes: on the request path without waiting (deletes of jobs added together share one statement; a
   * row a crash leaves behind is only added again by the relay, harmlessly); from the relay, before the next row.
   */
  async enqueue(job: QueuedJob, queue: MediaQueue, options: { fromOutbox?: boolean } = {}): Promise<boolean> {
    const jobId = job.id;
    try {
      await bounded(
        this.queues[queue].add('run', mediaJobData(job), {
          jobId,
          attempts: this.config.attempts,
          backoff: { type: 'exponential', delay: this.config.backoffMs },
          // A bounded history, so /admin/queues and Bull Board show true completed counts (removing on complete
          // made "Completed 0" after every job finished) without Redis growing for ever.
          removeOnComplete: { age: 24 * 3600, count: 1000 },
          removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
        }),
        `adding job ${jobId}`,
      );
      if (options.fromOutbox) await this.dataSource.query(`DELETE FROM job_outbox WHERE job_id = $1`, [jobId]);
      else void this.sentOutboxRows.add(jobId).catch(() => undefined);
      return true;
    } catch (error) {
      this.logger.warn(`Job ${jobId} left in the outbox: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  /** The queue itself, for callers off the request path (a worker's periodic tasks), which bound their own waits. */
  queue(name: MediaQueue): Queue<MediaJobData> {
    return this.queues[name];
  }

  /** The BullMQ job of one of our jobs, or undefined; throws when Redis does not answer in time. */
  find(queue: MediaQueue, jobId: string) {
    return bounded(this.queues[queue].getJob(jobId), `looking up job ${jobId}`);
  }

  /** Job counts per media queue and state (for /admin/queues). */
  async stats(): Promise<{ name: MediaQueue; counts: Record<string, number> }[]> {
    return Promise.all(
      MEDIA_QUEUES.map(async (name) => ({
        name,
        counts: await bounded(
          this.queues[name].getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'),
          `counting the ${name} queue`,
        ),
      })),
    );
  }

  /** The most recent jobs that failed for good, with BullMQ's error (for the admin console). */
  async failedJobs(name: MediaQueue, limit = 20): Promise<FailedQueueJob[]> {
    const jobs = await bounded(this.queues[name].getFailed(0, limit - 1), `listing failed ${name} jobs`);
    return jobs.map((job) => ({
      id: String(job.id),
      error: job.failedReason ?? '',
      attemptsMade: job.attemptsMade,
      failedAt: new Date(job.finishedOn ?? job.timestamp).toISOString(),
    }));
  }

  /** Retries one failed BullMQ job; false when it is not (or no longer) in the failed set. */
  async retryJob(name: MediaQueue, id: string): Promise<boolean> {
    const job = await this.find(name, id);
    if (!job || !(await bounded(job.isFailed(), `checking job ${id}`))) return false;
    await bounded(job.retry('failed'), `retrying job ${id}`);
    return true;
  }

  /**
   * Retries the BullMQ jobs of a queue that failed for good. Our job rows of those already ended `failed` (and were
   * refunded), so a worker will not run them again: this only clears BullMQ's failed set. Returns how many.
   */
  async retryFailed(name: MediaQueue): Promise<number> {
    const failed = await bounded(this.queues[name].getJobCountByTypes('failed'), `counting failed ${name} jobs`);
    await bounded(this.queues[name].retryJobs({ state: 'failed' }), `retrying failed ${name} jobs`);
    return failed;
  }

  /** Re-adds outbox rows older than `minAgeMs` (younger ones are probably being added right now). */
  async relay(minAgeMs = this.config.outboxRelayIntervalMs): Promise<number> {
    const rows: (Record<string, unknown> & { outbox_queue: MediaQueue })[] = await this.dataSource.query(
      `SELECT o.queue AS outbox_queue, j.* FROM job_outbox o JOIN jobs j ON j.id = o.job_id
        WHERE o.created_at < now() - make_interval(secs => $1::double precision / 1000)
          AND (o.queue_prefix = $2 OR o.queue_prefix IS NULL)
        ORDER BY o.created_at LIMIT 500`,
      [minAgeMs, this.prefix],
    );
    let added = 0;
    for (const row of rows) {
      // Redis is still away: the rest would wait just as long; the next tick tries again.
      const job = hydrate(this.dataSource, Job, row);
      if (!(await this.enqueue(job, row.outbox_queue, { fromOutbox: true }))) break;
      added += 1;
    }
    return added;
  }
}
