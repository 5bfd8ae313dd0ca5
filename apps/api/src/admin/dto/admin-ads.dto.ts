import { IsWholeMilli } from '../../common/validation/whole-milli.decorator';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type {
  AdCreativePerformanceRow,
  AdNetworkId,
  AdNetworkSettings,
  AdPerformanceReport,
  AdPerformanceRow,
  AdTierOption,
} from '@megicai/contracts';
import { NETWORKS } from '../../ads/dto/ads.dto';

export class AdNetworkSettingsDto implements AdNetworkSettings {
  @ApiProperty({ enum: NETWORKS, isArray: true, example: ['google-ad-manager', 'house'] })
  networks!: AdNetworkId[];
  @ApiProperty({ enum: NETWORKS, isArray: true, description: 'Networks with their configuration (others are skipped)' })
  available!: AdNetworkId[];
}

export class AdNetworkOrderDto {
  @ApiProperty({
    enum: NETWORKS,
    isArray: true,
    example: ['google-ad-manager', 'house'],
    description: 'The waterfall, tried in order; house always ends it',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(NETWORKS, { each: true })
  networks!: AdNetworkId[];
}

export class AdTierOptionDto implements AdTierOption {
  @ApiProperty({ example: 300, minimum: 1, maximum: 3600 })
  @IsInt()
  @Min(1)
  @Max(3600)
  seconds!: number;

  @ApiProperty({ example: 30, minimum: 0.001, maximum: 1000, description: 'Credits, at most 3 decimals' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsWholeMilli()
  @Min(0.001)
  @Max(1000)
  credits!: number;
}

export class AdTierOptionsDto {
  @ApiProperty({ type: [AdTierOptionDto], description: "The tier's extra durations, besides its standard one" })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AdTierOptionDto)
  options!: AdTierOptionDto[];
}

export class AdPerformanceRowDto implements AdPerformanceRow {
  @ApiProperty({ enum: NETWORKS }) network!: AdNetworkId;
  @ApiProperty({ description: 'Times the network was tried' }) requests!: number;
  @ApiProperty() filled!: number;
  @ApiProperty({ example: 0.75, description: 'filled / requests' }) fillRate!: number;
  @ApiProperty({ example: 0.024, description: 'Estimated USD (eCPM)' }) revenue!: number;
}

export class AdCreativePerformanceRowDto implements AdCreativePerformanceRow {
  @ApiProperty({ enum: NETWORKS }) network!: AdNetworkId;
  @ApiProperty({ type: String, nullable: true }) creativeId!: string | null;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ description: 'Filled impressions' }) impressions!: number;
  @ApiProperty({ description: 'Seconds shown' }) seconds!: number;
  @ApiProperty({ description: 'Estimated USD' }) revenue!: number;
}

export class AdPerformanceReportDto implements AdPerformanceReport {
  @ApiProperty({ example: '2026-11-01' }) from!: string;
  @ApiProperty({ example: '2026-11-07' }) to!: string;
  @ApiProperty({ type: [AdPerformanceRowDto] }) byNetwork!: AdPerformanceRowDto[];
  @ApiProperty({ type: [AdCreativePerformanceRowDto] }) byCreative!: AdCreativePerformanceRowDto[];
  @ApiProperty({ enum: ['USD'] }) currency!: 'USD';
}
