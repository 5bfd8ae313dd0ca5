import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { marketplaceConfig } from '../config/marketplace.config';
import { CreditsModule } from '../credits/credits.module';
import { ToolsModule } from '../tools/tools.module';
import { UsersModule } from '../users/users.module';
import { PromptRating } from './entities/prompt-rating.entity';
import { PromptRun } from './entities/prompt-run.entity';
import { PromptTemplateVersion } from './entities/prompt-template-version.entity';
import { PromptTemplate } from './entities/prompt-template.entity';
import { MarketplaceController } from './marketplace.controller';
import { MarketplaceService } from './marketplace.service';
import { PromptRankingService } from './prompt-ranking.service';
import { PromptRatingsService } from './prompt-ratings.service';
import { PromptReportsService } from './prompt-reports.service';
import { PromptSearchService } from './prompt-search.service';
import { PromptTemplatesService } from './prompt-templates.service';
import { PromptViewsService } from './prompt-views.service';

/** Prompt templates, their search and ratings, and creator earnings. Exports MarketplaceService to the jobs module and
 * PromptTemplatesService and PromptReportsService to the admin layer (moderation). */
@Module({
  imports: [
    ConfigModule.forFeature(marketplaceConfig),
    TypeOrmModule.forFeature([PromptTemplate, PromptTemplateVersion, PromptRating, PromptRun]),
    AuditModule,
    CreditsModule,
    ToolsModule,
    UsersModule,
  ],
  controllers: [MarketplaceController],
  providers: [
    MarketplaceService,
    PromptRankingService,
    PromptViewsService,
    PromptTemplatesService,
    PromptSearchService,
    PromptRatingsService,
    PromptReportsService,
  ],
  exports: [MarketplaceService, PromptTemplatesService, PromptReportsService],
})
export class MarketplaceModule {}
