import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { SqlFragment } from '../common/sql/sql-fragment';
import type { Principal } from '../common/auth/principal';
import { retryAfter } from '../common/errors/app.exception';
import { jobsConfig } from '../config/jobs.config';
import { HoldGateClosedError, InsufficientCreditsError, SpendCapError } from '../credits/credits.errors';
import { CreditsService } from '../credits/credits.service';
import { MarketplaceService, RenderedPrompt } from '../marketplace/marketplace.service';
import type { ChatMessage } from '../providers/provider.interface';
import { ProvidersService } from '../providers/providers.service';
import type { Tool } from '../tools/entities/tool.entity';
import type { ToolInput } from '../tools/tool-input.validator';
import { ToolsService } from '../tools/tools.service';
import { UsersService } from '../users/users.service';
import type { RunToolDto } from './dto/run-tool.dto';
import { Job } from './entities/job.entity';
import { CachedHitsRecorder } from './cached-hits.recorder';
import { JobCacheService } from './job-cache.service';
import { JobQueueService } from './job-queue.service';
import { insertJobAfterHold } from './job-rows.sql';
import { jobReference, queueFor } from './jobs.constants';
import { ProblemCode } from '@megicai/contracts';
import { JobsException } from './jobs.exception';
import { PaymentProblemService } from './payment-problem.service';

/** A run the platform took on: its job row (already charged, or a free cache hit) and its tool. */
export interface AcceptedRun {
  job: Job;
  tool: Tool;
  /** true when the answer came from the cache: the job is already `succeeded` at cost 0. */
  fromCache: boolean;
  /** Earlier turns sent to the provider before the prompt (kept in memory: text runs happen in the request). */
  history?: ChatMessage[];
}

/** What a run may carry besides the public request body (the OpenAI-compatible chat sends earlier messages). */
export interface RunContext {
  history?: ChatMessage[];
}

/**
 * Step one of every run: validate, check access, look in the cache, then in one transaction write the job and hold
 * its cost (and, for media, an outbox row); after the commit, hand media jobs to BullMQ.
 */
@Injectable()
export class JobAcceptanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(jobsConfig.KEY) private readonly config: ConfigType<typeof jobsConfig>,
    private readonly tools: ToolsService,
    private readonly users: UsersService,
    private readonly credits: CreditsService,
    private readonly providers: ProvidersService,
    private readonly marketplace: MarketplaceService,
    private readonly payment: PaymentProblemService,
    private readonly cache: JobCacheService,
    private readonly queue: JobQueueService,
    private readonly cachedHits: CachedHitsRecorder,
  ) {}

  async accept(
    principal: Principal,
    toolIdOrSlug: string,
    dto: RunToolDto,
    context: RunContext = {},
  ): Promise<AcceptedRun> {
    const history = context.history?.length ? context.history : undefined;
    const tool = await this.tools.findEntity(toolIdOrSlug);
    if (!tool) throw new JobsException(ProblemCode.NotFound, 'No such tool.');
    if (!tool.enabled) throw new JobsException(ProblemCode.ToolDisabled, 'No such tool.');
    this.checkPreference(tool, dto);
    const template = dto.templateId
      ? await this.marketplace.renderForRun(dto.templateId, dto.variables, tool.id, principal.userId)
      : null;
    const input = this.tools.validateInput(tool, template ? { ...dto.input, prompt: template.prompt } : dto.input);
    if (tool.premiumOnly) await this.checkPremium(principal.userId);

    const cacheKey = JobCacheService.keyOf({
      toolId: tool.id,
      provider: dto.provider ?? null,
      model: dto.model ?? null,
      prompt: input.prompt,
      input,
      route: this.route(tool),
      history,
    });
    if (dto.cache !== false) {
      const hit = await this.cache.get(cacheKey);
      if (hit) {
        const now = new Date();
        const job = this.newJob(principal.userId, tool, input, dto, template, cacheKey, {
          status: 'succeeded',
          progress: 100,
          cost: 0,
          cached: true,
          output: hit.output,
          provider: hit.provider,
          model: hit.model,
          startedAt: now,
          finishedAt: now,
          createdAt: now,
          updatedAt: now,
        });
        await this.cachedHits.record(job);
        return { job, tool, fromCache: true, history };
      }
    }

    const cost = this.tools.costOf(tool);
    const queue = queueFor(tool.kind);
    const job = this.newJob(principal.userId, tool, input, dto, template, cacheKey, {
      cost,
      ...(queue ? { status: 'queued' } : { status: 'running', startedAt: new Date(), runs: 1 }),
    });
    const now = new Date();
    job.createdAt = now;
    job.updatedAt = now;
    const hold = { userId: principal.userId, amount: cost, reference: jobReference(job.id) };
    // A run made with an API key also counts against (and is capped by) that key.
    const options = principal.apiKeyId
      ? { apiKey: { id: principal.apiKeyId, dailyCap: principal.apiKeyDailyCap ?? null } }
      : {};
    try {
      // The hold, the job row and (media) the outbox row in one statement; media's is gated by the user's limit of
      // jobs in progress, counted under the user's lock in the same statement.
      const row = insertJobAfterHold(job, queue ? { queue, prefix: this.queue.prefix } : null);
      await this.credits.holdWith(
        hold,
        row,
        undefined,
        queue ? { ...options, gate: this.mediaGate(principal) } : options,
      );
    } catch (error) {
      if (error instanceof InsufficientCreditsError || error instanceof SpendCapError) {
        throw await this.payment.toException(principal.userId, tool, error);
      }
      if (error instanceof HoldGateClosedError) throw this.mediaLimitReached();
      throw error;
    }
    if (queue) await this.queue.enqueue(job, queue);
    return { job, tool, fromCache: false, history };
  }

  private newJob(
    userId: string,
    tool: Tool,
    input: ToolInput,
    dto: RunToolDto,
    template: RenderedPrompt | null,
    cacheKey: string,
    state: Partial<Job>,
  ): Job {
    return this.dataSource.getRepository(Job).create({
      id: randomUUID(),
      userId,
      toolId: tool.id,
      kind: tool.kind,
      status: 'queued',
      progress: 0,
      input,
      prompt: input.prompt,
      requestedProvider: dto.provider ?? null,
      requestedModel: dto.model ?? null,
      provider: null,
      model: null,
      output: null,
      error: null,
      cost: 0,
      cached: false,
      cacheKey,
      attempts: [],
      runs: 0,
      templateId: template?.templateId ?? null,
      templateVersion: template?.version ?? null,
      creatorId: template?.creatorId ?? null,
      templateTitle: template?.title ?? null,
      templateVariables: template?.variables ?? null,
      startedAt: null,
      finishedAt: null,
      ...state,
    });
  }

  /** The tool's providers that are configured for its kind, in order (offline alone when none is). */
  private route(tool: Tool): string[] {
    const available = new Map(this.providers.list().map((p) => [p.id, p.available && p.kinds.includes(tool.kind)]));
    const route = tool.providers.filter((id) => available.get(id));
    return route.length ? route : ['offline'];
  }

  /** A named provider or model is a request: one that cannot serve this tool is the caller's error (400). */
  private checkPreference(tool: Tool, dto: RunToolDto): void {
    const all = this.providers.list();
    if (dto.provider !== undefined) {
      const provider = all.find((p) => p.id === dto.provider);
      const message = !provider
        ? 'unknown provider'
        : !provider.kinds.includes(tool.kind)
          ? `does not offer ${tool.kind}`
          : !provider.available
            ? 'is not configured on this platform'
            : null;
      if (message)
        throw new JobsException(ProblemCode.ValidationFailed, `Provider "${dto.provider}" ${message}.`, {
          errors: [{ field: 'provider', message }],
        });
    }
    if (dto.model !== undefined) {
      const candidates = dto.provider ? all.filter((p) => p.id === dto.provider) : all;
      const known = candidates.some((p) => p.models.some((m) => m.id === dto.model && m.kind === tool.kind));
      if (!known) {
        throw new JobsException(ProblemCode.ValidationFailed, `Model "${dto.model}" is not offered for ${tool.kind}.`, {
          errors: [{ field: 'model', message: 'unknown model for this tool' }],
        });
      }
    }
  }

  private async checkPremium(userId: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user?.premiumUntil || user.premiumUntil.getTime() <= Date.now()) {
      throw new JobsException(ProblemCode.PremiumRequired, 'This tool is for premium members.');
    }
  }

  /**
   * The gate of a media job's hold: the user's jobs in progress, counted after taking the user's advisory lock (see
   * the migration of `media_jobs_in_progress_locked`), below the limit. Parallel submits cannot slip past it together.
   */
  private mediaGate(principal: Principal): SqlFragment {
    return (p) =>
      `gate AS (SELECT media_jobs_in_progress_locked(${p(principal.userId)}::uuid) < ${p(this.config.maxActiveMediaJobs)}::int AS open)`;
  }

  /** The gate refused: the user had `limit` jobs in progress at that moment (never more: the gate keeps it so). */
  private mediaLimitReached(): JobsException {
    const limit = this.config.maxActiveMediaJobs;
    return new JobsException(
      ProblemCode.RateLimited,
      `You already have ${limit} image, audio or video jobs in progress (the limit). Wait for one to finish.`,
      retryAfter(5),
    );
  }
}
