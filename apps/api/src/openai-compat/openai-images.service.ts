import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { MediaJobOutput } from '@megicai/contracts';
import type { Principal } from '../common/auth/principal';
import { appConfig } from '../config/app.config';
import { openAiCompatConfig } from '../config/openai-compat.config';
import type { JobDto } from '../jobs/dto/job.dto';
import { JobAcceptanceService } from '../jobs/job-acceptance.service';
import { JobsService } from '../jobs/jobs.service';
import type { ImageGenerationRequestDto, ImagesResponseDto } from './dto/image-generation.dto';
import { OpenAiCompatException } from './openai-compat.exception';
import { OpenAiModelsService } from './openai-models.service';

const FINISHED = new Set(['succeeded', 'failed', 'canceled']);

/**
 * `POST /images/generations`: a run of an image tool, accepted exactly like `POST /tools/:id/run` (queued for the
 * worker), then waited for, since OpenAI's protocol answers with the image.
 */
@Injectable()
export class OpenAiImagesService {
  constructor(
    @Inject(openAiCompatConfig.KEY) private readonly config: ConfigType<typeof openAiCompatConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly models: OpenAiModelsService,
    private readonly acceptance: JobAcceptanceService,
    private readonly jobs: JobsService,
  ) {}

  async generate(
    principal: Principal,
    dto: ImageGenerationRequestDto,
    signal: AbortSignal,
  ): Promise<ImagesResponseDto> {
    const tool = await this.models.resolve(dto.model, 'image');
    const properties = (tool.inputSchema.properties ?? {}) as Record<string, unknown>;
    const input = { prompt: dto.prompt, ...(dto.size !== undefined && 'size' in properties ? { size: dto.size } : {}) };
    const run = await this.acceptance.accept(principal, tool.slug, { input });
    const job = await this.waitFor(principal.userId, run.job.id, signal);
    if (job.status !== 'succeeded') {
      throw new OpenAiCompatException(
        job.status === 'canceled' ? 'conflict' : 'provider_unavailable',
        job.status === 'canceled'
          ? 'The image job was canceled; its credits were refunded.'
          : 'No AI provider could make the image; your credits were refunded. Try again shortly.',
        { extensions: { jobId: job.id } },
      );
    }
    const assets = (job.output as MediaJobOutput).assets;
    const origin = this.app.publicUrl.replace(/\/+$/, '');
    return {
      created: Math.floor(new Date(job.finishedAt ?? job.createdAt).getTime() / 1000),
      data: assets.map((a) => ({ url: `${origin}${a.url}` })),
      megicai: { jobId: job.id, cost: job.cost, cached: job.cached, provider: job.provider ?? '' },
    };
  }

  /** Polls the job row (the record; the worker may run in another process) until it ends or the wait is over. */
  private async waitFor(userId: string, jobId: string, signal: AbortSignal): Promise<JobDto> {
    const deadline = Date.now() + this.config.waitSeconds * 1000;
    for (;;) {
      const job = await this.jobs.get(userId, jobId);
      if (FINISHED.has(job.status)) return job;
      if (Date.now() >= deadline || signal.aborted) {
        throw new OpenAiCompatException(
          'job_timeout',
          `The image is still being made after ${this.config.waitSeconds} s. It will be charged as usual: ` +
            `fetch it with GET /api/v1/jobs/${jobId}.`,
          { extensions: { jobId } },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, this.config.pollMs));
    }
  }
}
