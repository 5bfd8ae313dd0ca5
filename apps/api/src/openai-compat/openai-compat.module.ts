import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';
import { openAiCompatConfig } from '../config/openai-compat.config';
import { JobsModule } from '../jobs/jobs.module';
import { ToolsModule } from '../tools/tools.module';
import { OpenAiChatService } from './openai-chat.service';
import { OpenAiCompatController } from './openai-compat.controller';
import { OpenAiImagesService } from './openai-images.service';
import { OpenAiModelsService } from './openai-models.service';

/** `/api/openai/v1`: OpenAI's wire format in and out; the runs themselves are accepted by the jobs module. */
@Module({
  imports: [ConfigModule.forFeature(openAiCompatConfig), IdempotencyModule, JobsModule, ToolsModule],
  controllers: [OpenAiCompatController],
  providers: [OpenAiModelsService, OpenAiChatService, OpenAiImagesService],
})
export class OpenAiCompatModule {}
