import { Injectable, Logger } from '@nestjs/common';
import { toCredits } from '@megicai/contracts';
import type { ProviderPreference, ProviderRun } from '../providers/provider-run.interface';
import type { TextOutput } from '../providers/provider.interface';
import { ProvidersService } from '../providers/providers.service';
import type { RunResultDto, TextOutputDto } from './dto/job.dto';
import type { JobDto } from './dto/job.dto';
import type { Job } from './entities/job.entity';
import { friendlyJobError, isProviderRefusal, JobErrorMessage, rawAttempts, toStoredAttempt } from './job-errors';
import type { AcceptedRun } from './job-acceptance.service';
import { JobSettlementService } from './job-settlement.service';
import { ProblemCode } from '@megicai/contracts';
import { JobsException } from './jobs.exception';
import { JobsService } from './jobs.service';
import { textRequest } from './provider-request.builder';

/** Text runs happen in the request: call the providers (or stream them), then settle the job. */
@Injectable()
export class TextRunnerService {
  private readonly logger = new Logger(TextRunnerService.name);

  constructor(
    private readonly providers: ProvidersService,
    private readonly settlement: JobSettlementService,
    private readonly jobs: JobsService,
  ) {}

  async complete(run: AcceptedRun, signal?: AbortSignal): Promise<RunResultDto> {
    if (run.fromCache) return this.result(run.job);
    let answer: ProviderRun<TextOutput>;
    try {
      answer = await this.providers.generateText(
        run.tool.providers,
        textRequest(run.tool, run.job.prompt, run.job.input, signal, run.history),
        this.preference(run),
      );
    } catch (error) {
      throw await this.failed(run.job, error);
    }
    await this.settle(run.job, answer);
    return this.result(run.job);
  }

  /** Yields tokens; returns the finished job. A cache hit yields its whole text as one token. */
  async *stream(run: AcceptedRun, signal?: AbortSignal): AsyncGenerator<string, JobDto, undefined> {
    if (run.fromCache) {
      if (run.job.output && 'text' in run.job.output) yield run.job.output.text;
      return this.jobs.view(run.job);
    }
    const tokens = this.providers.streamText(
      run.tool.providers,
      textRequest(run.tool, run.job.prompt, run.job.input, signal, run.history),
      this.preference(run),
    );
    let answer: ProviderRun<TextOutput>;
    try {
      for (;;) {
        const next = await tokens.next();
        if (next.done) {
          answer = next.value;
          break;
        }
        yield next.value;
      }
    } catch (error) {
      throw await this.failed(run.job, error);
    }
    await this.settle(run.job, answer);
    return this.jobs.view(run.job);
  }

  private preference(run: AcceptedRun): ProviderPreference {
    const model = run.job.requestedModel ?? (run.job.requestedProvider ? undefined : run.tool.defaultModel);
    return { provider: run.job.requestedProvider ?? undefined, model: model ?? undefined };
  }

  private async settle(job: Job, answer: ProviderRun<TextOutput>): Promise<void> {
    const output = {
      text: answer.output.text,
      offline: answer.output.offline,
      ...(answer.output.label ? { label: answer.output.label } : {}),
      // The provider's token counts, when it reports them (the OpenAI-compatible API answers them as `usage`).
      ...(answer.output.usage ? { usage: answer.output.usage } : {}),
    };
    const won = await this.settlement.succeed(job, {
      output,
      provider: answer.provider,
      model: answer.model,
      attempts: answer.attempts.map(toStoredAttempt),
      latencyMs: answer.durationMs,
    });
    if (!won)
      throw new JobsException(ProblemCode.Conflict, 'The job was canceled while it ran; its credits were refunded.', {
        extensions: { jobId: job.id },
      });
    Object.assign(job, { status: 'succeeded', output, provider: answer.provider, model: answer.model, progress: 100 });
  }

  /**
   * Refunds the job and turns the provider failure into the problem the caller sees: by category, never with the
   * provider's own text (kept in the log and in the job's attempts for admins).
   */
  private async failed(job: Job, error: unknown): Promise<JobsException> {
    this.logger.warn(`Text run ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
    const where = { provider: job.requestedProvider ?? 'unknown', model: job.requestedModel ?? '' };
    await this.settlement.fail(job.id, friendlyJobError(error), rawAttempts(error, where));
    const extensions = { jobId: job.id, refunded: toCredits(job.cost) };
    if (isProviderRefusal(error)) {
      return new JobsException(ProblemCode.InvalidToolInput, JobErrorMessage.providerRefused, {
        extensions,
      });
    }
    return new JobsException(
      ProblemCode.ProviderUnavailable,
      'No AI provider could answer right now; your credits were refunded. Try again shortly.',
      { extensions },
    );
  }

  private result(job: Job): RunResultDto {
    const output = job.output && 'text' in job.output ? (job.output as TextOutputDto) : { text: '', offline: false };
    return {
      jobId: job.id,
      status: 'succeeded',
      output,
      cost: toCredits(job.cost),
      cached: job.cached,
      provider: job.provider ?? '',
      model: job.model ?? '',
    };
  }
}
