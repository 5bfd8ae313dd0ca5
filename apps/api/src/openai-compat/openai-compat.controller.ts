import { applyDecorators, Body, Controller, Get, HttpCode, Post, Res, UseFilters } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { RequireScope } from '../common/auth/roles.decorator';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { abortWhenClientGone } from '../jobs/sse.util';
import { ChatCompletionDto, ChatCompletionRequestDto } from './dto/chat-completion.dto';
import { ImageGenerationRequestDto, ImagesResponseDto } from './dto/image-generation.dto';
import { ModelListDto, OpenAiErrorDto } from './dto/model-list.dto';
import { OpenAiChatService } from './openai-chat.service';
import { OpenAiErrorFilter } from './openai-error.filter';
import { OpenAiImagesService } from './openai-images.service';
import { OpenAiModelsService } from './openai-models.service';
import { writeChunkStream } from './openai-stream.util';

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'invalid_request_error (validation_failed, invalid_tool_input)',
  401: 'authentication_error: missing or invalid API key',
  402: 'insufficient_credits or spend_cap_reached',
  403: 'permission_error: the key lacks the `run` scope, or a premium tool',
  404: 'model_not_found',
  409: 'idempotency_in_progress, or the job was canceled',
  422: 'idempotency_key_reused',
  429: 'rate_limit_error (see Retry-After)',
  503: 'provider_unavailable (refunded)',
  504: 'job_timeout: the image is still being made; poll /api/v1/jobs/:id',
};

/** OpenAI's error shape (not problem+json) for each status. */
const ApiOpenAiErrors = (...statuses: number[]) =>
  applyDecorators(
    ...[...statuses, 401, 429].map((status) =>
      ApiResponse({ status, description: ERROR_DESCRIPTIONS[status], type: OpenAiErrorDto }),
    ),
  );

/**
 * The OpenAI-compatible API, for clients that already speak OpenAI's protocol: point an OpenAI SDK's base URL at
 * `/api/openai/v1` and use an API key as its key. Every call is a run through `JobAcceptanceService`, so money,
 * caching, caps and Idempotency-Key behave exactly as on `POST /api/v1/tools/:id/run`.
 */
@ApiTags('openai-compatible')
@ApiBearerAuth()
@ApiExtraModels(OpenAiErrorDto)
@UseFilters(OpenAiErrorFilter)
@Controller('api/openai/v1')
export class OpenAiCompatController {
  constructor(
    private readonly models: OpenAiModelsService,
    private readonly chat: OpenAiChatService,
    private readonly images: OpenAiImagesService,
  ) {}

  @Get('models')
  @ApiOperation({ summary: 'OpenAI-compatible: enabled text and image tools as models (id = tool slug)' })
  @ApiOkResponse({ type: ModelListDto })
  @ApiOpenAiErrors()
  listModels(): Promise<ModelListDto> {
    return this.models.list();
  }

  @Post('chat/completions')
  @HttpCode(200)
  @Idempotent()
  @RequireScope('run')
  @ApiOperation({
    summary: 'OpenAI-compatible: a chat completion (one run of a text tool)',
    description:
      'With `stream: true`: `chat.completion.chunk` server-sent events ending with `data: [DONE]`. The last user ' +
      'message is the prompt; earlier messages are sent to the provider as context.',
  })
  @ApiProduces('application/json', 'text/event-stream')
  @ApiOkResponse({ type: ChatCompletionDto })
  @ApiOpenAiErrors(400, 402, 403, 404, 409, 422, 503)
  async completions(
    @CurrentUser() user: Principal,
    @Body() body: ChatCompletionRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ChatCompletionDto | undefined> {
    const { run, head } = await this.chat.accept(user, body);
    const signal = abortWhenClientGone(reply);
    if (body.stream) {
      const includeUsage = body.stream_options?.include_usage === true;
      return writeChunkStream(reply, head, this.chat.stream(run, head, includeUsage, signal));
    }
    return this.chat.complete(run, head, signal);
  }

  @Post('images/generations')
  @HttpCode(200)
  @Idempotent()
  @RequireScope('run')
  @ApiOperation({
    summary: 'OpenAI-compatible: an image generation (one run of an image tool)',
    description: 'Answers once the job is done, waiting up to OPENAI_COMPAT_WAIT_SECONDS (504 after that).',
  })
  @ApiOkResponse({ type: ImagesResponseDto })
  @ApiOpenAiErrors(400, 402, 403, 404, 409, 422, 503, 504)
  generateImage(
    @CurrentUser() user: Principal,
    @Body() body: ImageGenerationRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImagesResponseDto> {
    return this.images.generate(user, body, abortWhenClientGone(reply));
  }
}
