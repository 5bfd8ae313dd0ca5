import { ProblemCode } from '@megicai/contracts';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  CheckoutResult,
  CheckoutSessionView,
  DemoPaymentResult,
  PortalResult,
  PremiumPlanView,
} from '@megicai/contracts';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { Public } from '../common/auth/public.decorator';
import { RequireScope } from '../common/auth/roles.decorator';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { CheckoutService } from './checkout.service';
import {
  CheckoutRequestDto,
  CheckoutResultDto,
  CheckoutSessionDto,
  DemoPaymentResultDto,
  PortalResultDto,
  PremiumPlanDto,
} from './dto/premium.dto';
import { PaymentsException } from './payments.exception';
import { PremiumService } from './premium.service';

export const checkoutIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new PaymentsException('not_found', 'No such checkout.'),
});

@ApiTags('premium')
@Controller('premium')
export class PremiumController {
  constructor(
    private readonly premium: PremiumService,
    private readonly checkouts: CheckoutService,
  ) {}

  @Get('plans')
  @Public()
  @ApiOperation({ summary: 'Premium plans: ad-free, a credit allowance every period, premium-only tools' })
  @ApiOkResponse({ type: [PremiumPlanDto] })
  @ApiProblems()
  plans(): Promise<PremiumPlanView[]> {
    return this.premium.listPlans();
  }

  @Post('checkout')
  @ApiBearerAuth()
  @RequireScope('credits')
  @ApiOperation({
    summary: "Open a checkout for a plan; answers the payment provider's page to send the user to",
    description:
      'Stripe: a Checkout Session in `subscription` mode. Errors: 404 `not_found` (no such plan), ' +
      '503 `payments_unavailable` (the provider did not answer).',
  })
  @ApiCreatedResponse({ type: CheckoutResultDto })
  @ApiProblems(
    ProblemCode.ValidationFailed,
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
    ProblemCode.NotFound,
    ProblemCode.PaymentsUnavailable,
  )
  checkout(@CurrentUser() user: Principal, @Body() body: CheckoutRequestDto): Promise<CheckoutResult> {
    return this.premium.checkout(user.userId, body.planId);
  }

  @Post('portal')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireScope('credits')
  @ApiOperation({
    summary: 'A link to manage or cancel the subscription (Stripe: the customer portal; offline: a demo page)',
    description:
      'Errors: 404 `no_subscription` (nothing to manage), 503 `payments_unavailable` (the provider did not answer).',
  })
  @ApiOkResponse({ type: PortalResultDto })
  @ApiProblems(
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
    ProblemCode.NoSubscription,
    ProblemCode.PaymentsUnavailable,
  )
  portal(@CurrentUser() user: Principal): Promise<PortalResult> {
    return this.checkouts.portal(user.userId);
  }

  @Get('checkout/:id')
  @ApiBearerAuth()
  @RequireScope('read')
  @ApiOperation({ summary: 'One of your checkouts, of a plan or a credit pack (the demo payment page shows it)' })
  @ApiOkResponse({ type: CheckoutSessionDto })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.ApiKeyScope, ProblemCode.NotFound)
  session(@CurrentUser() user: Principal, @Param('id', checkoutIdPipe) id: string): Promise<CheckoutSessionView> {
    return this.checkouts.view(user.userId, id);
  }

  @Post('checkout/:id/pay')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireScope('credits')
  @ApiOperation({
    summary: 'Offline demo provider only: pay the checkout (signs the event the webhook expects and applies it)',
    description: 'Errors: 403 `forbidden` (demo payments off), 404 `not_found`, 409 `conflict` (already paid).',
  })
  @ApiOkResponse({ type: DemoPaymentResultDto })
  @ApiProblems(
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
    ProblemCode.Forbidden,
    ProblemCode.NotFound,
    ProblemCode.Conflict,
  )
  pay(@CurrentUser() user: Principal, @Param('id', checkoutIdPipe) id: string): Promise<DemoPaymentResult> {
    return this.checkouts.payDemo(user.userId, id);
  }
}
