import { IsWholeMilli } from '../../common/validation/whole-milli.decorator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import type { AdminToolPatch } from '@megicai/contracts';

const credits = { allowNaN: false, allowInfinity: false };

/** Credits as decimals (at most 3 places); they are stored as milli-credits. */
export class AdminToolPatchDto implements AdminToolPatch {
  @ApiPropertyOptional({ example: 1.5, minimum: 0, maximum: 100000, description: 'Credits per run' })
  @IsOptional()
  @IsNumber(credits)
  @IsWholeMilli()
  @Min(0)
  @Max(100_000)
  creditCost?: number;

  @ApiPropertyOptional({ description: 'Disabled tools leave the public catalog and cannot be run' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  premiumOnly?: boolean;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 0.5, description: 'Offer price; null ends the offer' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber(credits)
  @IsWholeMilli()
  @Min(0)
  @Max(100_000)
  offerCost?: number | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the offer starts; null: at once',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  offerStartsAt?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'null: no end' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  offerEndsAt?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['openai', 'offline'], description: 'Provider ids, in order tried' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  providers?: string[];
}
