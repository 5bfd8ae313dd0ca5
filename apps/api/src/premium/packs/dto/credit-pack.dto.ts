import { IsWholeMilli, MaxDecimals } from '../../../common/validation/whole-milli.decorator';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import type { AdminCreditPackView, CreditPackView, PackCheckoutResult } from '@megicai/contracts';
import { OptionalStripePriceId } from '../../dto/stripe-price-id.decorator';

export class CreditPackDto implements CreditPackView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 550, description: 'Credits granted (a `purchase` ledger entry) once it is paid' })
  credits!: number;
  @ApiProperty({ example: 9.99, description: "In the currency's major unit" }) price!: number;
  @ApiProperty({ example: 'USD', description: 'ISO 4217' }) currency!: string;
}

export class AdminCreditPackDto extends CreditPackDto implements AdminCreditPackView {
  @ApiProperty({ description: 'Inactive packs are not for sale' }) active!: boolean;
  @ApiProperty({ example: 1, description: 'Ascending order in the list' }) sortOrder!: number;
  @ApiProperty({ type: String, nullable: true, example: 'price_1Q2w3E', description: 'Null: an inline price' })
  stripePriceId!: string | null;
}

export class PackCheckoutResultDto implements PackCheckoutResult {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({
    example: 'https://checkout.stripe.com/c/pay/cs_test_…',
    description: "The provider's payment page (the offline demo: this SPA's /premium/checkout/:id)",
  })
  checkoutUrl!: string;
}

/** POST /admin/credit-packs. Credits with at most 3 decimals, price with at most 2. */
export class CreateCreditPackDto {
  @ApiProperty({ example: 550, minimum: 0.001, maximum: 10_000_000 })
  @IsNumber()
  @IsWholeMilli()
  @Min(0.001)
  @Max(10_000_000)
  credits!: number;

  @ApiProperty({ example: 9.99, minimum: 0.5, maximum: 100_000 })
  @IsNumber()
  @MaxDecimals(2)
  @Min(0.5)
  @Max(100_000)
  price!: number;

  @ApiProperty({ example: 'USD', description: 'ISO 4217, three capital letters' })
  @IsString()
  @Matches(/^[A-Z]{3}$/)
  currency!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  sortOrder?: number;

  @OptionalStripePriceId('A Stripe price id (`price_…`) to sell it with')
  stripePriceId?: string | null;
}

/** PATCH /admin/credit-packs/:id: any subset. Checkouts already opened keep the credits and price they showed. */
export class UpdateCreditPackDto extends PartialType(CreateCreditPackDto) {}
