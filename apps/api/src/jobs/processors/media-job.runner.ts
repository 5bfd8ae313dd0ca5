import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Job as QueueJob, UnrecoverableError } from 'bullmq';
import { jobsConfig } from '../../config/jobs.config';
import { ProviderError } from '../../providers/provider-error';
import type { ProviderRun } from '../../providers/provider-run.interface';
import type { MediaOutput, ProgressCallback } from '../../providers/provider.interface';
import { ProvidersService } from '../../providers/providers.service';
import { StorageService } from '../../storage/storage.service';
import { ToolsService } from '../../tools/tools.service';
import type { StoredAsset } from '../entities/job.entity';
import { JobSettlementService } from '../job-settlement.service';
import type { MediaJobData, QueuedJob } from '../jobs.constants';
import { mediaRequest, MediaRequest } from '../provider-request.builder';
import { friendlyJobError, JobErrorMessage, rawAttempts, toStoredAttempt } from '../job-errors';
import { isInfrastructureError } from '../../common/errors/infrastructure.exception';

/**
 * One image, audio or video job, as a BullMQ processor runs it. Safe to run twice: it only starts a job that is
 * still queued or running, and only the first settlement moves money.
 */
@Injectable()
export class MediaJobRunner {
  private readonly logger = new Logger(MediaJobRunner.name);

  constructor(
    @Inject(jobsConfig.KEY) private readonly config: ConfigType<typeof jobsConfig>,
    private readonly settlement: JobSettlementService,
    private readonly providers: ProvidersService,
    private readonly storage: StorageService,
    private readonly tools: ToolsService,
  ) {}

  async run(queueJob: QueueJob<MediaJobData>): Promise<void> {
    const job = await this.settlement.start(queueJob.data);
    if (!job) return; // canceled or already settled
    if (job.kind === 'text') throw new UnrecoverableError(`Job ${job.id} is a text job`);
    const tool = await this.tools.findEntity(job.toolId);
    if (!tool) {
      await this.settlement.fail(job.id, JobErrorMessage.toolGone);
      return;
    }
    const canceled = new AbortController();
    const signal = AbortSignal.any([canceled.signal, AbortSignal.timeout(this.config.timeoutMs)]);
    const request = mediaRequest(job.kind, job.prompt, job.input, signal);
    let answer: ProviderRun<MediaOutput>;
    try {
      answer = await this.generate(job, tool.providers, request, this.progressReporter(job.id, canceled));
    } catch (error) {
      if (canceled.signal.aborted) return;
      await this.onFailure(queueJob, job, error);
      return;
    }
    if (canceled.signal.aborted) return;
    const assets = await this.store(job.id, answer.output);
    const won = await this.settlement.succeed(job, {
      output: {
        assets,
        offline: answer.output.offline,
        ...(answer.output.label ? { label: answer.output.label } : {}),
      },
      provider: answer.provider,
      model: answer.model,
      attempts: answer.attempts.map(toStoredAttempt),
      latencyMs: answer.durationMs,
    });
    if (!won) this.logger.log(`Job ${job.id} ended elsewhere before this run finished; nothing settled twice`);
  }

  /** Called for a BullMQ job that failed for good (last attempt, or stalled too often): refund it. */
  async failedForGood(jobId: string, friendlyReason: string): Promise<void> {
    await this.settlement.fail(jobId, friendlyReason);
  }

  private generate(job: QueuedJob, order: string[], request: MediaRequest, onProgress: ProgressCallback) {
    const prefer = { provider: job.requestedProvider ?? undefined, model: job.requestedModel ?? undefined };
    switch (job.kind) {
      case 'image':
        return this.providers.generateImage(order, request, onProgress, prefer);
      case 'audio':
        return this.providers.generateAudio(order, request, onProgress, prefer);
      default:
        return this.providers.generateVideo(order, request, onProgress, prefer);
    }
  }

  /**
   * Writes progress at most every `progressThrottleMs`, the first time one interval after the start: a job done
   * sooner writes none (its 0% and 100% were two committed UPDATEs per job, a third of a quick job's statements), and
   * 100% comes with the success. A write that finds the job no longer running cancels it.
   */
  private progressReporter(jobId: string, canceled: AbortController): ProgressCallback {
    let last = Date.now();
    return (percent) => {
      const now = Date.now();
      if (percent >= 100 || now - last < this.config.progressThrottleMs) return;
      last = now;
      void this.settlement
        .progress(jobId, percent)
        .then((running) => {
          if (!running) canceled.abort();
        })
        .catch((error: unknown) => this.logger.warn(`Progress of ${jobId} not saved: ${String(error)}`));
    };
  }

  private async store(jobId: string, output: MediaOutput): Promise<StoredAsset[]> {
    return Promise.all(
      output.assets.map(async (asset, n) => {
        const key = StorageService.keyFor(jobId, n, asset.mimeType);
        await this.storage.put(key, asset.data, asset.mimeType);
        return {
          key,
          mimeType: asset.mimeType,
          ...(asset.width === undefined ? {} : { width: asset.width }),
          ...(asset.height === undefined ? {} : { height: asset.height }),
          ...(asset.durationSeconds === undefined ? {} : { durationSeconds: asset.durationSeconds }),
        };
      }),
    );
  }

  /**
   * Retryable failures with attempts left go back to BullMQ (backoff); anything else fails the job and refunds it,
   * with a message chosen by category (the raw text goes to the log and the attempts). An infrastructure error
   * propagates untouched: the processor postpones the job without spending an attempt.
   */
  private async onFailure(queueJob: QueueJob<MediaJobData>, job: QueuedJob, error: unknown): Promise<never> {
    if (isInfrastructureError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const retryable = error instanceof ProviderError ? error.retryable : true;
    const attemptsLeft = queueJob.attemptsMade + 1 < (queueJob.opts.attempts ?? 1);
    if (retryable && attemptsLeft) throw error;
    this.logger.warn(`Job ${job.id} failed: ${message}`);
    const where = { provider: job.requestedProvider ?? 'unknown', model: job.requestedModel ?? '' };
    await this.settlement.fail(job.id, friendlyJobError(error), rawAttempts(error, where));
    throw new UnrecoverableError(message);
  }
}
