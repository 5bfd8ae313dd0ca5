import { Controller, Headers, HttpCode, Post, type RawBodyRequest, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PaymentWebhookResult } from '@megicai/contracts';
import { Public } from '../common/auth/public.decorator';
import { ProblemCode } from '@megicai/contracts';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { PaymentEventDto, PaymentWebhookResultDto } from './dto/payment-webhook.dto';
import { PaymentEventsService } from './payment-events.service';
import { PAYMENT_SIGNATURE_HEADER } from './payments/payment-signature';
import type { FastifyRequest } from 'fastify';

@ApiTags('premium')
@Controller('webhooks')
export class PaymentsWebhookController {
  constructor(private readonly events: PaymentEventsService) {}

  @Post('payments')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Payment provider events (signed); checkout.completed activates premium once per event id',
  })
  @ApiHeader({
    name: 'Payment-Signature',
    required: true,
    description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body"> with PAYMENTS_WEBHOOK_SECRET; 5 minutes tolerance',
  })
  @ApiBody({ type: PaymentEventDto })
  @ApiOkResponse({ type: PaymentWebhookResultDto })
  @ApiProblems(ProblemCode.InvalidJson, ProblemCode.ValidationFailed, ProblemCode.InvalidWebhookSignature)
  async receive(
    // The signature covers the exact bytes: Nest keeps them (`rawBody: true` in create-app).
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Headers(PAYMENT_SIGNATURE_HEADER) signature: string | undefined,
  ): Promise<PaymentWebhookResult> {
    const { received, duplicate } = await this.events.handle(request.rawBody, signature);
    return { received, duplicate };
  }
}
