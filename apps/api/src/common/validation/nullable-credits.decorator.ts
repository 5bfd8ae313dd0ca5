import { IsWholeMilli } from './whole-milli.decorator';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';

const MAX_CREDITS = 1_000_000_000;

/**
 * An optional, nullable amount of credits (a cap, an alert level): at most 3 decimals, 0 or more; null means "none"
 * (IsOptional lets null and undefined through, the service tells them apart).
 */
export function NullableCredits(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: MAX_CREDITS, example: 20, description }),
    IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    IsWholeMilli(),
    Min(0),
    Max(MAX_CREDITS),
  );
}
