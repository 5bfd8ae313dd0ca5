import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, ValidateIf } from 'class-validator';

/** An optional Stripe price id (`price_…`) in an admin's body: a string, or null to sell without one. */
export function OptionalStripePriceId(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, description }),
    IsOptional(),
    ValidateIf((_: unknown, v: unknown) => v !== null),
    IsString(),
    Length(6, 255),
  );
}
