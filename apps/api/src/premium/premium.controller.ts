import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CheckoutResult, CheckoutSessionView, DemoPaymentResult, PremiumPlanView } from '@megicai/contracts';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { Principal } from '../common/auth/principal';
import { Public } from '../common/auth/public.decorator';
import { RequireScope } from '../common/auth/roles.decorator';
import { ProblemCode } from '@megicai/contracts';
import { PremiumException } from './premium.exception';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import {
  CheckoutRequestDto,
  CheckoutResultDto,
  CheckoutSessionDto,
  DemoPaymentResultDto,
  PremiumPlanDto,
} from './dto/premium.dto';
import { PremiumService } from './premium.service';

const sessionPipe = new ParseUUIDPipe({
  exceptionFactory: () => new PremiumException(ProblemCode.NotFound, 'No such checkout.'),
});

@ApiTags('premium')
@Controller('premium')
export class PremiumController {
  constructor(private readonly premium: PremiumService) {}

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
  @ApiOperation({ summary: "Open a checkout for a plan; answers the payment provider's page to send the user to" })
  @ApiCreatedResponse({ type: CheckoutResultDto })
  @ApiProblems(ProblemCode.ValidationFailed, ProblemCode.Unauthorized, ProblemCode.ApiKeyScope, ProblemCode.NotFound)
  checkout(@CurrentUser() user: Principal, @Body() body: CheckoutRequestDto): Promise<CheckoutResult> {
    return this.premium.checkout(user.userId, body.planId);
  }

  @Get('checkout/:id')
  @ApiBearerAuth()
  @RequireScope('read')
  @ApiOperation({ summary: 'One of your checkouts (the demo payment page shows it)' })
  @ApiOkResponse({ type: CheckoutSessionDto })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.ApiKeyScope, ProblemCode.NotFound)
  session(@CurrentUser() user: Principal, @Param('id', sessionPipe) id: string): Promise<CheckoutSessionView> {
    return this.premium.session(user.userId, id);
  }

  @Post('checkout/:id/pay')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireScope('credits')
  @ApiOperation({
    summary: 'Offline demo provider only: pay the checkout (signs the event the webhook expects and applies it)',
  })
  @ApiOkResponse({ type: DemoPaymentResultDto })
  @ApiProblems(
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
    ProblemCode.Forbidden,
    ProblemCode.NotFound,
    ProblemCode.Conflict,
  )
  pay(@CurrentUser() user: Principal, @Param('id', sessionPipe) id: string): Promise<DemoPaymentResult> {
    return this.premium.payDemo(user.userId, id);
  }
}
