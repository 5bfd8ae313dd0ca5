import { Controller, HttpCode, Post, type RawBodyRequest, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PaymentWebhookResult } from '@megicai/contracts';
import { Public } from '../common/auth/public.decorator';
import { ProblemCode } from '@megicai/contracts';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { PaymentEventDto, PaymentWebhookResultDto } from './dto/payment-webhook.dto';
import { PaymentEventsService } from './payment-events.service';
import type { FastifyRequest } from 'fastify';

@ApiTags('premium')
@Controller('webhooks')
export class PaymentsWebhookController {
  constructor(private readonly events: PaymentEventsService) {}

  @Post('payments')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: "The payment provider's events, signed; each event id is processed once",
    description:
      'Stripe (PAYMENTS_PROVIDER=stripe): `Stripe-Signature`, checked by the SDK; acts on checkout.session.completed ' +
      '(plan → premium, pack → `purchase`), checkout.session.async_payment_succeeded, invoice.paid (a renewal: ' +
      'premium one period longer and its allowance, once per invoice), customer.subscription.updated/deleted ' +
      '(stops renewing) and charge.refunded (a pack: `purchase_refund` of what is left of it, never below zero); ' +
      'other types are recorded and ignored. Offline demo: `Payment-Signature`, `checkout.completed` only. ' +
      'Errors: 400 `invalid_webhook_signature` (missing, stale or forged signature: nothing changes), ' +
      '400 `validation_failed` (a signed event without an id).',
  })
  @ApiHeader({
    name: 'Stripe-Signature',
    required: false,
    description: "Stripe's signature (PAYMENTS_PROVIDER=stripe), with STRIPE_WEBHOOK_SECRET",
  })
  @ApiHeader({
    name: 'Payment-Signature',
    required: false,
    description:
      'Offline demo: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body"> with PAYMENTS_WEBHOOK_SECRET; 5 minutes tolerance',
  })
  @ApiBody({ type: PaymentEventDto })
  @ApiOkResponse({ type: PaymentWebhookResultDto })
  @ApiProblems(ProblemCode.InvalidJson, ProblemCode.ValidationFailed, ProblemCode.InvalidWebhookSignature)
  async receive(
    // The signature covers the exact bytes: Nest keeps them (`rawBody: true` in create-app).
    @Req() request: RawBodyRequest<FastifyRequest>,
  ): Promise<PaymentWebhookResult> {
    const { received, duplicate } = await this.events.handle(request.rawBody, request.headers);
    return { received, duplicate };
  }
}
