import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type {
  CheckoutKind,
  CheckoutRequest,
  CheckoutResult,
  CheckoutSessionView,
  CheckoutStatus,
  DemoPaymentResult,
  PortalResult,
  PremiumInterval,
  PremiumPlanView,
} from '@megicai/contracts';
import { CreditPackDto } from '../packs/dto/credit-pack.dto';

export class PremiumPlanDto implements PremiumPlanView {
  @ApiProperty({ example: 'premium-monthly' }) id!: string;
  @ApiProperty({ example: 'Premium monthly' }) name!: string;
  @ApiProperty({ example: 999 }) priceCents!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ enum: ['month', 'year'] }) interval!: PremiumInterval;
  @ApiProperty({ example: 300, description: 'Credits granted (premium_allowance) with every paid period' })
  allowanceCredits!: number;
  @ApiProperty({ type: [String], example: ['No ads'] }) features!: string[];
}

export class CheckoutRequestDto implements CheckoutRequest {
  @ApiProperty({ example: 'premium-monthly' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  planId!: string;
}

export class CheckoutResultDto implements CheckoutResult {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({
    example: 'https://checkout.stripe.com/c/pay/cs_test_…',
    description: "The provider's payment page (the offline demo: this SPA's /premium/checkout/:id)",
  })
  checkoutUrl!: string;
}

export class CheckoutSessionDto implements CheckoutSessionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'offline' }) provider!: string;
  @ApiProperty({ enum: ['plan', 'pack'] }) kind!: CheckoutKind;
  @ApiProperty({ enum: ['open', 'completed'] }) status!: CheckoutStatus;
  @ApiProperty({ type: PremiumPlanDto, nullable: true, description: 'Set for a plan' }) plan!: PremiumPlanDto | null;
  @ApiProperty({ type: CreditPackDto, nullable: true, description: 'Set for a credit pack, as sold at checkout' })
  pack!: CreditPackDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
}

export class DemoPaymentResultDto implements DemoPaymentResult {
  @ApiProperty({ example: 'evt_offline_3f1c…' }) eventId!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null for a credit pack' })
  premiumUntil!: string | null;
  @ApiProperty({ example: 105, description: 'The balance after the payment, in credits' }) balance!: number;
}

export class PortalResultDto implements PortalResult {
  @ApiProperty({ example: 'https://billing.stripe.com/p/session/test_…' }) url!: string;
}
