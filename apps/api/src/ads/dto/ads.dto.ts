import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AD_TIERS, type AdCreative, type AdNetworkId, type AdTier } from '@megicai/contracts';

const NETWORKS: AdNetworkId[] = ['house', 'google-ad-manager'];

export class StartAdSessionDto {
  @ApiProperty({ enum: AD_TIERS, example: 'text' })
  @IsIn(AD_TIERS as AdTier[])
  tier!: AdTier;

  @ApiPropertyOptional({ enum: NETWORKS, description: 'Defaults to the configured web network' })
  @IsOptional()
  @IsIn(NETWORKS)
  network?: AdNetworkId;
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
}

export class HouseCreativeDto {
  @ApiProperty({ enum: ['house'] }) network!: 'house';
  @ApiProperty({ type: [HouseCreativeItemDto] }) items!: HouseCreativeItemDto[];
}

export class GamCreativeDto {
  @ApiProperty({ enum: ['google-ad-manager'] }) network!: 'google-ad-manager';
  @ApiProperty({ example: '/1234567/megicai_rewarded' }) adUnitPath!: string;
}

export class AdSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ enum: AD_TIERS }) tier!: AdTier;
  @ApiProperty({ example: 60 }) requiredSeconds!: number;
  @ApiProperty({ example: 5 }) credits!: number;
  @ApiProperty({ enum: NETWORKS }) network!: AdNetworkId;
  @ApiProperty({ oneOf: [{ $ref: getSchemaPath(HouseCreativeDto) }, { $ref: getSchemaPath(GamCreativeDto) }] })
  creative!: AdCreative;
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
