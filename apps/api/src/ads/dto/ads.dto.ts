import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AD_TIERS, type AdCreative, type AdNetworkId, type AdTier } from '@megicai/contracts';

export const NETWORKS: AdNetworkId[] = ['house', 'google-ad-manager'];

export class StartAdSessionDto {
  @ApiProperty({ enum: AD_TIERS, example: 'text' })
  @IsIn(AD_TIERS as AdTier[])
  tier!: AdTier;

  @ApiPropertyOptional({
    example: 300,
    description: "One of the tier's durations (GET /ads/offers); default: its standard one",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3600)
  seconds?: number;

  @ApiPropertyOptional({
    description: 'The client can play interactive creatives (sandboxed iframe with scripts) and report engagement',
  })
  @IsOptional()
  @IsBoolean()
  interactive?: boolean;

  @ApiPropertyOptional({ enum: NETWORKS, description: 'A network to try first, before the configured waterfall' })
  @IsOptional()
  @IsIn(NETWORKS)
  network?: AdNetworkId;
}

export class AdImpressionDto {
  @ApiProperty({ enum: NETWORKS, description: 'The network of the waterfall that answered' })
  @IsIn(NETWORKS)
  network!: AdNetworkId;

  @ApiProperty({
    description: 'True when it showed an ad; false for no fill, a null slot, a timeout or a blocked script',
  })
  @IsBoolean()
  filled!: boolean;

  @ApiPropertyOptional({ description: 'The creative shown (house creative id, or the network’s creative id)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  creativeId?: string;
}

export class AdOfferDto {
  @ApiProperty({ enum: AD_TIERS }) tier!: AdTier;
  @ApiProperty({ example: 60 }) seconds!: number;
  @ApiProperty({ example: 5, description: 'Credits earned' }) credits!: number;
  @ApiProperty({ example: 20 }) remainingToday!: number;
}

export class HouseCreativeItemDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['video', 'image', 'html'] }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'URL, data: URL, or HTML markup for kind html' }) src!: string;
  @ApiProperty() clickUrl!: string;
  @ApiProperty() seconds!: number;
  @ApiPropertyOptional({ description: 'Scripted HTML: src is its frame URL, played in a sandboxed iframe' })
  interactive?: boolean;
}

export class HouseCreativeDto {
  @ApiProperty({ enum: ['house'] }) network!: 'house';
  @ApiProperty({ type: [HouseCreativeItemDto] }) items!: HouseCreativeItemDto[];
}

export class GamCreativeDto {
  @ApiProperty({ enum: ['google-ad-manager'] }) network!: 'google-ad-manager';
  @ApiProperty({ example: '/1234567/megicai_rewarded' }) adUnitPath!: string;
  @ApiProperty({ example: 'https://securepubads.g.doubleclick.net/tag/js/gpt.js' }) scriptUrl!: string;
}

const CREATIVE = [{ $ref: getSchemaPath(HouseCreativeDto) }, { $ref: getSchemaPath(GamCreativeDto) }];

export class AdSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ enum: AD_TIERS }) tier!: AdTier;
  @ApiProperty({ example: 60 }) requiredSeconds!: number;
  @ApiProperty({ example: 5 }) credits!: number;
  @ApiProperty({ enum: NETWORKS, description: 'The network that filled (the first of the waterfall until then)' })
  network!: AdNetworkId;
  @ApiProperty({ enum: NETWORKS, isArray: true, description: 'The waterfall, tried in order; house ends it' })
  networks!: AdNetworkId[];
  @ApiProperty({ oneOf: CREATIVE, description: 'The creative of the first network' })
  creative!: AdCreative;
  @ApiProperty({ type: 'array', items: { oneOf: CREATIVE }, description: 'One creative per network, same order' })
  waterfall!: AdCreative[];
  @ApiProperty({ description: 'An interactive creative must report it was seen before complete pays' })
  needsEngagement!: boolean;
  @ApiProperty() engaged!: boolean;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class AdCompleteDto {
  @ApiProperty({ example: 5 }) granted!: number;
  @ApiProperty({ example: 10 }) balance!: number;
}

export class AdStatusDto {
  @ApiProperty() watchedToday!: number;
  @ApiProperty({ description: 'Credits earned from ads today' }) creditsToday!: number;
  @ApiProperty({ description: 'Ads a day over all tiers (0 for premium)' }) dailyCap!: number;
  @ApiProperty({ description: 'Premium accounts are ad-free' }) premium!: boolean;
  @ApiPropertyOptional({ type: AdSessionDto }) activeSession?: AdSessionDto;
}

export class AdCallbackResultDto {
  @ApiProperty({ description: 'Credits granted by this callback (0 on a replay)' }) granted!: number;
  @ApiProperty({ description: 'True when this transaction id was seen before' }) duplicate!: boolean;
}
