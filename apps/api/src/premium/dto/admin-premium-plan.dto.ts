import { IsWholeMilli } from '../../common/validation/whole-milli.decorator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import type { AdminPremiumPlanView } from '../premium.service';
import { PremiumPlanDto } from './premium.dto';
import { OptionalStripePriceId } from './stripe-price-id.decorator';

export class AdminPremiumPlanDto extends PremiumPlanDto implements AdminPremiumPlanView {
  @ApiProperty({ description: 'Inactive plans are not offered (subscribers keep theirs)' }) active!: boolean;
  @ApiProperty({ example: 1, description: 'Ascending order on the Premium page' }) sortOrder!: number;
  @ApiProperty({ type: String, nullable: true, example: 'price_1Q2w3E', description: 'Null: an inline price' })
  stripePriceId!: string | null;
}

/**
 * PATCH /admin/premium/plans/:id: any subset. The currency and the interval stay (subscriptions are billed by them).
 * New checkouts use the new values; a paid period grants the allowance in force when it is paid.
 */
export class UpdatePremiumPlanDto {
  @ApiPropertyOptional({ example: 'Premium monthly' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  name?: string;

  @ApiPropertyOptional({ example: 999, minimum: 50, maximum: 10_000_000, description: 'In cents' })
  @IsOptional()
  @IsInt()
  @Min(50)
  @Max(10_000_000)
  priceCents?: number;

  @ApiPropertyOptional({ example: 300, minimum: 0, maximum: 10_000_000, description: 'Credits every paid period' })
  @IsOptional()
  @IsNumber()
  @IsWholeMilli()
  @Min(0)
  @Max(10_000_000)
  allowanceCredits?: number;

  @ApiPropertyOptional({ type: [String], example: ['No ads'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsString({ each: true })
  @Length(1, 120, { each: true })
  features?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 10_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  sortOrder?: number;

  @OptionalStripePriceId('A Stripe price id (`price_…`), or null')
  stripePriceId?: string | null;
}
