import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';
import { conversationsConfig } from '../config/conversations.config';
import { JobsModule } from '../jobs/jobs.module';
import { ToolsModule } from '../tools/tools.module';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { ConversationMessage } from './entities/conversation-message.entity';
import { Conversation } from './entities/conversation.entity';

/** `/conversations`: multi-turn text; every message is a run accepted by the jobs module. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Conversation, ConversationMessage]),
    ConfigModule.forFeature(conversationsConfig),
    IdempotencyModule,
    JobsModule,
    ToolsModule,
  ],
  controllers: [ConversationsController],
  providers: [ConversationsService],
})
export class ConversationsModule {}
