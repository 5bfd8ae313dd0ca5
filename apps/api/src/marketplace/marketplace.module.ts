import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { marketplaceConfig } from '../config/marketplace.config';
import { CreditsModule } from '../credits/credits.module';
import { ToolsModule } from '../tools/tools.module';
import { UsersModule } from '../users/users.module';
import { PromptRating } from './entities/prompt-rating.entity';
import { PromptRun } from './entities/prompt-run.entity';
import { PromptTemplateVersion } from './entities/prompt-template-version.entity';
import { PromptTemplate } from './entities/prompt-template.entity';
import { MarketplaceService } from './marketplace.service';

/** Prompt templates, their search and ratings, and creator earnings. Exports MarketplaceService to the jobs module. */
@Module({
  imports: [
    ConfigModule.forFeature(marketplaceConfig),
    TypeOrmModule.forFeature([PromptTemplate, PromptTemplateVersion, PromptRating, PromptRun]),
    CreditsModule,
    ToolsModule,
    UsersModule,
  ],
  providers: [MarketplaceService],
  exports: [MarketplaceService],
})
export class MarketplaceModule {}
