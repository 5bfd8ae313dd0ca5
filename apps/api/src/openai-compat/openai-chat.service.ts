import { Injectable } from '@nestjs/common';
import type { TextJobOutput, TokenUsage } from '@megicai/contracts';
import type { Principal } from '../common/auth/principal';
import type { JobDto } from '../jobs/dto/job.dto';
import { AcceptedRun, JobAcceptanceService } from '../jobs/job-acceptance.service';
import { TextRunnerService } from '../jobs/text-runner.service';
import { toConversation, toolOptions } from './chat-messages.util';
import type { ChatCompletionDto, ChatCompletionRequestDto, ChatCompletionUsageDto } from './dto/chat-completion.dto';
import type { ChunkPart } from './openai-stream.util';
import { OpenAiModelsService } from './openai-models.service';

/** What every answer of one completion shares (the chunks of a stream carry it too). */
export interface CompletionHead {
  id: string;
  created: number;
  model: string;
}

/** `POST /chat/completions`: a run of a text tool, accepted and charged exactly like `POST /tools/:id/run`. */
@Injectable()
export class OpenAiChatService {
  constructor(
    private readonly models: OpenAiModelsService,
    private readonly acceptance: JobAcceptanceService,
    private readonly text: TextRunnerService,
  ) {}

  async accept(
    principal: Principal,
    dto: ChatCompletionRequestDto,
  ): Promise<{ run: AcceptedRun; head: CompletionHead }> {
    const tool = await this.models.resolve(dto.model, 'text');
    const { prompt, history } = toConversation(dto.messages);
    const run = await this.acceptance.accept(
      principal,
      tool.slug,
      { input: { prompt, ...toolOptions(tool, dto) } },
      { history },
    );
    return { run, head: { id: `chatcmpl-${run.job.id}`, created: Math.floor(Date.now() / 1000), model: tool.slug } };
  }

  async complete(run: AcceptedRun, head: CompletionHead, signal: AbortSignal): Promise<ChatCompletionDto> {
    const result = await this.text.complete(run, signal);
    return completion(head, result.output?.text ?? '', result.output?.usage, {
      jobId: result.jobId,
      cost: result.cost,
      cached: result.cached ?? false,
      provider: result.provider ?? '',
    });
  }

  /** Yields OpenAI's chunks; returns the whole completion (what an Idempotency-Key retry replays). */
  async *stream(
    run: AcceptedRun,
    head: CompletionHead,
    includeUsage: boolean,
    signal: AbortSignal,
  ): AsyncGenerator<ChunkPart, ChatCompletionDto, undefined> {
    const tokens = this.text.stream(run, signal);
    yield { choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] };
    let job: JobDto;
    for (;;) {
      const next = await tokens.next();
      if (next.done) {
        job = next.value;
        break;
      }
      yield { choices: [{ index: 0, delta: { content: next.value }, finish_reason: null }] };
    }
    yield { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] };
    const output = job.output && 'text' in job.output ? (job.output as TextJobOutput) : undefined;
    const usage = usageOf(output?.usage);
    if (includeUsage && usage) yield { choices: [], usage };
    return completion(head, output?.text ?? '', output?.usage, {
      jobId: job.id,
      cost: job.cost,
      cached: job.cached,
      provider: job.provider ?? '',
    });
  }
}

function usageOf(usage: TokenUsage | undefined): ChatCompletionUsageDto | undefined {
  if (!usage) return undefined;
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
  };
}

function completion(
  head: CompletionHead,
  text: string,
  usage: TokenUsage | undefined,
  megicai: ChatCompletionDto['megicai'],
): ChatCompletionDto {
  const tokens = usageOf(usage);
  return {
    ...head,
    object: 'chat.completion',
    choices: [
      { index: 0, message: { role: 'assistant', content: text, refusal: null }, finish_reason: 'stop', logprobs: null },
    ],
    ...(tokens ? { usage: tokens } : {}),
    megicai,
  };
}
