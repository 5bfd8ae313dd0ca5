import { ApiProperty } from '@nestjs/swagger';
import type { PaymentWebhookResult } from '@megicai/contracts';

export class PaymentEventDataDto {
  @ApiProperty({
    format: 'uuid',
    required: false,
    description: "Offline demo: our checkout id. Stripe: `data.object` is the event's object (a Checkout Session, …)",
  })
  sessionId?: string;
}

/** Documents the webhook body; it is read from the raw bytes after the signature check, not by the pipe. */
export class PaymentEventDto {
  @ApiProperty({ example: 'evt_1Q2w3E', description: "The provider's event id (processed once)" }) id!: string;
  @ApiProperty({
    example: 'checkout.session.completed',
    description: 'Types the platform does not act on are recorded and ignored',
  })
  type!: string;
  @ApiProperty({ example: 1764069000, required: false }) created?: number;
  @ApiProperty({ type: PaymentEventDataDto }) data!: PaymentEventDataDto;
}

export class PaymentWebhookResultDto implements PaymentWebhookResult {
  @ApiProperty({ enum: [true] }) received!: true;
  @ApiProperty({ description: 'This event id was processed before: nothing changed' }) duplicate!: boolean;
}
