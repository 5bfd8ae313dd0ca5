import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type {
  CheckoutRequest,
  CheckoutResult,
  CheckoutSessionView,
  CheckoutStatus,
  DemoPaymentResult,
  PremiumInterval,
  PremiumPlanView,
} from '@megicai/contracts';

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
    example: 'https://megicai.example/premium/checkout/7d0c…',
    description: "The provider's payment page",
  })
  checkoutUrl!: string;
}

export class CheckoutSessionDto implements CheckoutSessionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'offline' }) provider!: string;
  @ApiProperty({ enum: ['open', 'completed'] }) status!: CheckoutStatus;
  @ApiProperty({ type: PremiumPlanDto }) plan!: PremiumPlanDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
}

export class DemoPaymentResultDto implements DemoPaymentResult {
  @ApiProperty({ example: 'evt_offline_3f1c…' }) eventId!: string;
  @ApiProperty({ format: 'date-time' }) premiumUntil!: string;
}
