import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProblemCode } from '@megicai/contracts';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { RequireScope } from '../common/auth/roles.decorator';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { abortWhenClientGone, writeTextStream } from '../jobs/sse.util';
import { ConversationsService } from './conversations.service';
import {
  ConversationDetailDto,
  ConversationDto,
  ConversationListQueryDto,
  ConversationMessageDto,
  ConversationPageDto,
  CreateConversationDto,
  MessageStreamQueryDto,
  PostMessageDto,
  RenameConversationDto,
} from './dto/conversation.dto';

@ApiTags('conversations')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Post()
  @ApiOperation({ summary: 'Start a conversation with a text tool' })
  @ApiCreatedResponse({ type: ConversationDto })
  @ApiProblems(ProblemCode.ValidationFailed, ProblemCode.Unauthorized, ProblemCode.NotFound)
  create(@CurrentUser() user: Principal, @Body() body: CreateConversationDto): Promise<ConversationDto> {
    return this.conversations.create(user.userId, body);
  }

  @Get()
  @ApiOperation({ summary: 'Your conversations, newest activity first; `q` searches titles and messages' })
  @ApiOkResponse({ type: ConversationPageDto })
  @ApiProblems(ProblemCode.ValidationFailed, ProblemCode.InvalidCursor, ProblemCode.Unauthorized)
  list(@CurrentUser() user: Principal, @Query() query: ConversationListQueryDto): Promise<ConversationPageDto> {
    return this.conversations.list(user.userId, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A conversation and its messages' })
  @ApiOkResponse({ type: ConversationDetailDto })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.NotFound)
  get(@CurrentUser() user: Principal, @Param('id') id: string): Promise<ConversationDetailDto> {
    return this.conversations.get(user.userId, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a conversation' })
  @ApiOkResponse({ type: ConversationDetailDto })
  @ApiProblems(ProblemCode.ValidationFailed, ProblemCode.Unauthorized, ProblemCode.NotFound)
  rename(
    @CurrentUser() user: Principal,
    @Param('id') id: string,
    @Body() body: RenameConversationDto,
  ): Promise<ConversationDetailDto> {
    return this.conversations.rename(user.userId, id, body.title);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a conversation (its jobs and charges stay in the history and the ledger)' })
  @ApiNoContentResponse()
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.NotFound)
  async remove(@CurrentUser() user: Principal, @Param('id') id: string): Promise<void> {
    await this.conversations.remove(user.userId, id);
  }

  @Post(':id/messages')
  @HttpCode(200)
  @Idempotent()
  @RequireScope('run')
  @ApiOperation({
    summary: 'Send a message; the answer is one run of the tool',
    description:
      'Charged as one run of the tool, with the earlier messages as context (the oldest dropped first past the ' +
      "tool's context budget). Answers the assistant message, or with `?stream=true` `text/event-stream`: `token` " +
      'events, then `done` with the assistant message, or `error` with a problem. A failed run is refunded and ' +
      'leaves no answer: the question stays with `failed: true`, and posting again retries it.',
  })
  @ApiProduces('application/json', 'text/event-stream')
  @ApiOkResponse({ type: ConversationMessageDto })
  @ApiProblems(
    ProblemCode.ValidationFailed,
    ProblemCode.InvalidToolInput,
    ProblemCode.Unauthorized,
    ProblemCode.InsufficientCredits,
    ProblemCode.SpendCapReached,
    ProblemCode.ApiKeyScope,
    ProblemCode.PremiumRequired,
    ProblemCode.NotFound,
    ProblemCode.ToolDisabled,
    ProblemCode.IdempotencyKeyReused,
    ProblemCode.IdempotencyInProgress,
    ProblemCode.ProviderUnavailable,
  )
  async post(
    @CurrentUser() user: Principal,
    @Param('id') id: string,
    @Body() body: PostMessageDto,
    @Query() query: MessageStreamQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConversationMessageDto | undefined> {
    const turn = await this.conversations.ask(user, id, body);
    // The client going away (Stop) stops the provider call; the run is then refunded.
    const signal = abortWhenClientGone(reply);
    if (query.stream === 'true' || query.stream === '1') {
      return writeTextStream(reply, this.conversations.streamAnswer(turn, signal));
    }
    return this.conversations.answer(turn, signal);
  }
}
