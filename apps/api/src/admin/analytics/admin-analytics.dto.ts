import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import {
  AD_TIERS,
  type AdTier,
  type AnalyticsDay,
  type AnalyticsReport,
  TOOL_KINDS,
  type ToolKind,
} from '@megicai/contracts';

export class AnalyticsQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'First UTC day (inclusive); default 6 days before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-11-07',
    description: 'Last UTC day (inclusive); default today. At most 92 days',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class DauPointDto {
  @ApiProperty({ example: '2026-11-01' }) date!: string;
  @ApiProperty({ example: 42 }) users!: number;
}

export class AdTierStatsDto {
  @ApiProperty({ enum: AD_TIERS }) tier!: AdTier;
  @ApiProperty() started!: number;
  @ApiProperty() completed!: number;
}

export class AdsAnalyticsDto {
  @ApiProperty() started!: number;
  @ApiProperty() completed!: number;
  @ApiProperty({ example: 0.8, description: 'completed / started (0 when none started)' }) conversion!: number;
  @ApiProperty({ type: [AdTierStatsDto] }) byTier!: AdTierStatsDto[];
}

const byKind = {
  type: 'object',
  additionalProperties: { type: 'number' },
  example: { signup_bonus: 5 },
  description: 'Credits per ledger kind',
} as const;

export class ToolSpendDto {
  @ApiProperty({ format: 'uuid' }) toolId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 12.5, description: 'Credits spent on its runs, net of refunds' }) credits!: number;
}

export class CreditsAnalyticsDto {
  @ApiProperty(byKind) earnedByKind!: Record<string, number>;
  @ApiProperty(byKind) spentByKind!: Record<string, number>;
  @ApiProperty({ type: [ToolSpendDto] }) spentByTool!: ToolSpendDto[];
}

export class ToolRunsDto {
  @ApiProperty({ format: 'uuid' }) toolId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TOOL_KINDS, nullable: true }) kind!: ToolKind | null;
  @ApiProperty() runs!: number;
  @ApiProperty() failed!: number;
}

export class ProviderRunsDto {
  @ApiProperty({ example: 'offline', description: '`none` for runs no provider answered' }) provider!: string;
  @ApiProperty() runs!: number;
  @ApiProperty() failed!: number;
}

export class RunsAnalyticsDto {
  @ApiProperty({ type: [ToolRunsDto] }) byTool!: ToolRunsDto[];
  @ApiProperty({ type: [ProviderRunsDto] }) byProvider!: ProviderRunsDto[];
}

export class ProviderHealthDto {
  @ApiProperty() provider!: string;
  @ApiProperty({ description: 'Calls made to the provider, fallback attempts included (cache hits excluded)' })
  runs!: number;
  @ApiProperty({ type: Number, nullable: true }) latencyP50Ms!: number | null;
  @ApiProperty({ type: Number, nullable: true }) latencyP95Ms!: number | null;
  @ApiProperty({ example: 0.01, description: 'Failed calls / calls' }) errorRate!: number;
}

export class CacheAnalyticsDto {
  @ApiProperty() hits!: number;
  @ApiProperty() misses!: number;
  @ApiProperty({ example: 0.25 }) hitRate!: number;
}

export class RevenueAnalyticsDto {
  @ApiProperty({ example: 1.23, description: 'Completed ad sessions × eCPM of their tier / 1000' })
  estimatedAdRevenue!: number;
  @ApiProperty({ example: 0.45, description: 'Answered provider runs (not cached, not offline) × cost per kind' })
  estimatedProviderCost!: number;
  @ApiProperty({ enum: ['USD'] }) currency!: 'USD';
}

export class AnalyticsDayDto implements AnalyticsDay {
  @ApiProperty({ example: '2026-11-01' }) date!: string;
  @ApiProperty({ description: 'Distinct users active that day' }) dau!: number;
  @ApiProperty() newUsers!: number;
  @ApiProperty() adStarted!: number;
  @ApiProperty() adCompleted!: number;
  @ApiProperty({ description: 'Credits earned, every ledger kind' }) creditsEarned!: number;
  @ApiProperty({ description: 'Credits spent, every ledger kind' }) creditsSpent!: number;
  @ApiProperty({ description: 'Runs accepted (cache hits included)' }) runs!: number;
  @ApiProperty() failedRuns!: number;
  @ApiProperty() cacheHits!: number;
  @ApiProperty({ description: 'Estimated ad revenue (USD)' }) adRevenue!: number;
  @ApiProperty({ description: 'Estimated provider cost (USD)' }) providerCost!: number;
  @ApiProperty({ description: 'adRevenue − providerCost (USD)' }) margin!: number;
}

export class AnalyticsReportDto implements AnalyticsReport {
  @ApiProperty({ example: '2026-11-01' }) from!: string;
  @ApiProperty({ example: '2026-11-07' }) to!: string;
  @ApiProperty({ type: [DauPointDto] }) dau!: DauPointDto[];
  @ApiProperty({ type: AdsAnalyticsDto }) ads!: AdsAnalyticsDto;
  @ApiProperty({ type: CreditsAnalyticsDto }) credits!: CreditsAnalyticsDto;
  @ApiProperty({ type: RunsAnalyticsDto }) runs!: RunsAnalyticsDto;
  @ApiProperty({ type: [ProviderHealthDto] }) providers!: ProviderHealthDto[];
  @ApiProperty({ type: CacheAnalyticsDto }) cache!: CacheAnalyticsDto;
  @ApiProperty({ type: RevenueAnalyticsDto }) revenue!: RevenueAnalyticsDto;
  @ApiProperty({ type: [AnalyticsDayDto], description: 'One row per day of the window, zeros included' })
  days!: AnalyticsDayDto[];
}
