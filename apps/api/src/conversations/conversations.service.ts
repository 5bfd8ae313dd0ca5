import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { ProblemCode, toCredits, toMilli } from '@megicai/contracts';
import type { Principal } from '../common/auth/principal';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { conversationsConfig } from '../config/conversations.config';
import type { JobDto } from '../jobs/dto/job.dto';
import { AcceptedRun, JobAcceptanceService } from '../jobs/job-acceptance.service';
import { TextRunnerService } from '../jobs/text-runner.service';
import { ToolsService } from '../tools/tools.service';
import { titleFrom, trimHistory } from './conversation-context';
import type {
  ConversationDetailDto,
  ConversationDto,
  ConversationListQueryDto,
  ConversationMessageDto,
  ConversationPageDto,
  CreateConversationDto,
  PostMessageDto,
} from './dto/conversation.dto';
import { Conversation } from './entities/conversation.entity';
import { ConversationMessage } from './entities/conversation-message.entity';
import { ConversationsException } from './conversations.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A message accepted as a run (charged), waiting for its answer. */
export interface Turn {
  conversation: Conversation;
  run: AcceptedRun;
  question: ConversationMessage;
}

/**
 * Conversations with a text tool. Each message is one run accepted by `JobAcceptanceService` (the same hold and
 * settlement, cache and caps as `POST /tools/:id/run`), with the earlier turns as its context.
 */
@Injectable()
export class ConversationsService {
  constructor(
    @InjectRepository(Conversation) private readonly conversations: Repository<Conversation>,
    @InjectRepository(ConversationMessage) private readonly messages: Repository<ConversationMessage>,
    @Inject(conversationsConfig.KEY) private readonly config: ConfigType<typeof conversationsConfig>,
    private readonly tools: ToolsService,
    private readonly acceptance: JobAcceptanceService,
    private readonly text: TextRunnerService,
  ) {}

  async create(userId: string, dto: CreateConversationDto): Promise<ConversationDto> {
    const tool = await this.tools.findEntity(dto.toolId);
    if (!tool || !tool.enabled) throw new ConversationsException(ProblemCode.NotFound, 'No such tool.');
    if (tool.kind !== 'text') {
      throw new ConversationsException(ProblemCode.ValidationFailed, 'Only text tools hold conversations.', {
        errors: [{ field: 'toolId', message: 'not a text tool' }],
      });
    }
    const now = new Date();
    const row = await this.conversations.save(
      this.conversations.create({
        userId,
        toolId: tool.id,
        title: dto.title?.trim() || null,
        createdAt: now,
        lastActivityAt: now,
      }),
    );
    return view(row);
  }

  async list(userId: string, query: ConversationListQueryDto): Promise<ConversationPageDto> {
    const qb = this.conversations.createQueryBuilder('c').where('c.userId = :userId', { userId });
    const words = query.q?.trim();
    if (words) {
      // ILIKE '%…%' is served by the trigram indexes of titles and message contents.
      const like = `%${words.replace(/[\\%_]/g, '\\$&')}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('c.title ILIKE :like', { like })
            .orWhere(
              'EXISTS (SELECT 1 FROM conversation_messages m WHERE m.conversation_id = c.id AND m.content ILIKE :like)',
            ),
        ),
      );
    }
    const after = decodeCursor(query.cursor);
    if (after) qb.andWhere('(c.lastActivityAt, c.id) < (:at, :id)', { at: after.createdAt, id: after.id });
    const rows = await qb
      .orderBy('c.lastActivityAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(query.limit + 1)
      .getMany();
    const keyed = rows.map((row) => ({ createdAt: row.lastActivityAt, id: row.id, row }));
    return toPage(keyed, query.limit, ({ row }) => ({
      ...view(row),
      lastActivityAt: row.lastActivityAt.toISOString(),
    }));
  }

  async get(userId: string, id: string): Promise<ConversationDetailDto> {
    const conversation = await this.owned(userId, id);
    const messages = await this.thread(conversation.id);
    return { ...view(conversation), messages: messages.map(messageView) };
  }

  async rename(userId: string, id: string, title: string): Promise<ConversationDetailDto> {
    const conversation = await this.owned(userId, id);
    await this.conversations.update({ id: conversation.id }, { title: title.trim() });
    return this.get(userId, id);
  }

  async remove(userId: string, id: string): Promise<void> {
    const conversation = await this.owned(userId, id);
    await this.conversations.delete({ id: conversation.id });
  }

  /**
   * Accepts the message as a run (charged now; 402 and spend caps as for any run) with the earlier turns as context.
   * Failed questions left at the end of the thread are replaced: posting again is their retry.
   */
  async ask(principal: Principal, id: string, dto: PostMessageDto): Promise<Turn> {
    const conversation = await this.owned(principal.userId, id);
    const tool = await this.tools.findEntity(conversation.toolId);
    if (!tool) throw new ConversationsException(ProblemCode.NotFound, 'No such tool.');
    const earlier = (await this.thread(conversation.id)).filter((m) => !m.failed);
    const history = trimHistory(
      earlier.map((m) => ({ role: m.role, content: m.content })),
      tool.contextChars ?? this.config.contextChars,
    );
    const run = await this.acceptance.accept(
      principal,
      tool.id,
      { input: { prompt: dto.content }, provider: dto.provider, model: dto.model },
      { history },
    );
    await this.messages.delete({ conversationId: conversation.id, failed: true });
    const question = await this.messages.save(
      this.messages.create({
        conversationId: conversation.id,
        role: 'user',
        content: dto.content,
        jobId: run.job.id,
        failed: false,
        cost: null,
      }),
    );
    await this.conversations
      .createQueryBuilder()
      .update()
      .set({ lastActivityAt: () => 'now()', title: () => 'COALESCE(title, :title)' })
      .setParameter('title', titleFrom(dto.content))
      .where('id = :id', { id: conversation.id })
      .execute();
    return { conversation, run, question };
  }

  /** Runs the turn; a failure (refunded by the runner) leaves the question marked failed and no answer. */
  async answer(turn: Turn, signal: AbortSignal): Promise<ConversationMessageDto> {
    try {
      const result = await this.text.complete(turn.run, signal);
      return await this.record(turn, result.output?.text ?? '', toMilli(result.cost));
    } catch (error) {
      await this.markFailed(turn);
      throw error;
    }
  }

  /** Yields the answer's tokens; returns the assistant message (the `done` event of the stream). */
  async *streamAnswer(turn: Turn, signal: AbortSignal): AsyncGenerator<string, ConversationMessageDto, undefined> {
    const tokens = this.text.stream(turn.run, signal);
    let job: JobDto;
    try {
      for (;;) {
        const next = await tokens.next();
        if (next.done) {
          job = next.value;
          break;
        }
        yield next.value;
      }
    } catch (error) {
      await this.markFailed(turn);
      throw error;
    }
    const text = job.output && 'text' in job.output ? String(job.output.text) : '';
    return this.record(turn, text, toMilli(job.cost));
  }

  private async record(turn: Turn, content: string, cost: number): Promise<ConversationMessageDto> {
    const answer = await this.messages.save(
      this.messages.create({
        conversationId: turn.conversation.id,
        role: 'assistant',
        content,
        jobId: turn.run.job.id,
        failed: false,
        cost,
      }),
    );
    await this.conversations.update({ id: turn.conversation.id }, { lastActivityAt: new Date() });
    return messageView(answer);
  }

  private async markFailed(turn: Turn): Promise<void> {
    await this.messages.update({ id: turn.question.id }, { failed: true });
  }

  /** The caller's conversation; another user's is "not found" (its existence is not disclosed). */
  private async owned(userId: string, id: string): Promise<Conversation> {
    const row = UUID.test(id) ? await this.conversations.findOneBy({ id, userId }) : null;
    if (!row) throw new ConversationsException(ProblemCode.NotFound, 'No such conversation.');
    return row;
  }

  private thread(conversationId: string): Promise<ConversationMessage[]> {
    return this.messages.find({ where: { conversationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}

function view(row: Conversation): ConversationDto {
  return {
    id: row.id,
    toolId: row.toolId,
    title: row.title ?? 'New conversation',
    createdAt: row.createdAt.toISOString(),
  };
}

function messageView(m: ConversationMessage): ConversationMessageDto {
  return {
    id: m.id,
    role: m.role,
    content: m.content,
    ...(m.jobId ? { jobId: m.jobId } : {}),
    ...(m.cost !== null ? { cost: toCredits(m.cost) } : {}),
    ...(m.failed ? { failed: true } : {}),
    createdAt: m.createdAt.toISOString(),
  };
}
