import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { AD_TIERS, type AdTier, type AnalyticsReport, TOOL_KINDS, type ToolKind } from '@megicai/contracts';

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

export class CreditsAnalyticsDto {
  @ApiProperty(byKind) earnedByKind!: Record<string, number>;
  @ApiProperty(byKind) spentByKind!: Record<string, number>;
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
  @ApiProperty({ description: 'Finished runs that reached the provider (cache hits excluded)' }) runs!: number;
  @ApiProperty({ type: Number, nullable: true }) latencyP50Ms!: number | null;
  @ApiProperty({ type: Number, nullable: true }) latencyP95Ms!: number | null;
  @ApiProperty({ example: 0.01 }) errorRate!: number;
}

export class CacheAnalyticsDto {
  @ApiProperty() hits!: number;
  @ApiProperty() misses!: number;
  @ApiProperty({ example: 0.25 }) hitRate!: number;
}

export class RevenueAnalyticsDto {
  @ApiProperty({ example: 1.23, description: 'Completed ad sessions × eCPM of their tier / 1000' })
  estimatedAdRevenue!: number;
  @ApiProperty({ example: 0.45, description: 'Provider runs (not cached, not offline) × cost per kind' })
  estimatedProviderCost!: number;
  @ApiProperty({ enum: ['USD'] }) currency!: 'USD';
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
}
