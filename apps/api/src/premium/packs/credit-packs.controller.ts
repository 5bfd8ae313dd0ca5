import { ProblemCode } from '@megicai/contracts';
import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CheckoutResult, CreditPackView } from '@megicai/contracts';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { RequireScope } from '../../common/auth/roles.decorator';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiProblems } from '../../common/swagger/api-problems.decorator';
import { CreditPacksService } from './credit-packs.service';
import { CreditPackDto, PackCheckoutResultDto } from './dto/credit-pack.dto';

/** Served under /credits (the contract's place for them); owned by payments, which sells them. */
@ApiTags('credits')
@ApiBearerAuth()
@Controller('credits/packs')
export class CreditPacksController {
  constructor(private readonly packs: CreditPacksService) {}

  @Get()
  @RequireScope('credits')
  @ApiOperation({ summary: 'Credit packs for sale' })
  @ApiOkResponse({ type: [CreditPackDto] })
  @ApiProblems(ProblemCode.Unauthorized, ProblemCode.ApiKeyScope)
  list(): Promise<CreditPackView[]> {
    return this.packs.listForSale();
  }

  @Post(':id/checkout')
  @Idempotent()
  @RequireScope('credits')
  @ApiOperation({
    summary: "Open a checkout for a pack; answers the payment provider's page to send the user to",
    description:
      'Stripe: a Checkout Session in `payment` mode. The paid checkout grants a `purchase` entry once (signed ' +
      'webhook). Errors: 404 `not_found` (no such pack on sale), 422 `idempotency_key_reused`, ' +
      '409 `idempotency_in_progress`, 503 `payments_unavailable` (the provider did not answer).',
  })
  @ApiCreatedResponse({ type: PackCheckoutResultDto })
  @ApiProblems(
    ProblemCode.Unauthorized,
    ProblemCode.ApiKeyScope,
    ProblemCode.NotFound,
    ProblemCode.IdempotencyInProgress,
    ProblemCode.IdempotencyKeyReused,
    ProblemCode.PaymentsUnavailable,
  )
  checkout(@CurrentUser() user: Principal, @Param('id') id: string): Promise<CheckoutResult> {
    return this.packs.checkout(user.userId, id);
  }
}
