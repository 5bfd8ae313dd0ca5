import { Injectable } from '@nestjs/common';
import { toCredits } from '@megicai/contracts';
import { AdsService } from '../ads/ads.service';
import { CreditsException } from '../credits/credits.exception';
import { InsufficientCreditsError, SpendCapError } from '../credits/credits.errors';
import type { Tool } from '../tools/entities/tool.entity';
import { ToolsService } from '../tools/tools.service';
import { UsersService } from '../users/users.service';

const CAP_NAMES = { daily: 'daily spending cap', monthly: 'monthly spending cap', key: 'API key’s daily cap' };

/**
 * Turns a refused hold into the 402 every spending route answers: `insufficient_credits` with `needed`, `balance` and
 * the ad tier that covers the gap, or `spend_cap_reached` with `scope`, `cap`, `spent` and `resetsAt`; both list
 * `alternatives`, the cheaper tools of the same kind that still fit in what the caller may spend.
 */
@Injectable()
export class PaymentProblemService {
  constructor(
    private readonly tools: ToolsService,
    private readonly users: UsersService,
    private readonly ads: AdsService,
  ) {}

  async toException(userId: string, tool: Tool, error: InsufficientCreditsError | SpendCapError) {
    const available = error instanceof SpendCapError ? error.room.available : error.available;
    const alternatives = await this.alternatives(userId, tool, available);
    if (error instanceof SpendCapError) {
      return new CreditsException(
        'spend_cap_reached',
        `This run costs ${toCredits(error.needed)} credits and would pass your ${CAP_NAMES[error.scope]} ` +
          `(${toCredits(error.spent)} of ${toCredits(error.cap)} spent). It resets at ${error.resetsAt.toISOString()}.`,
        {
          extensions: {
            scope: error.scope,
            cap: toCredits(error.cap),
            spent: toCredits(error.spent),
            resetsAt: error.resetsAt.toISOString(),
            needed: toCredits(error.needed),
            balance: toCredits(error.room.balance),
            alternatives,
          },
        },
      );
    }
    const missing = Math.max(1, error.needed - error.balance);
    const adOffer = await this.ads.offerFor(userId, missing).catch(() => null);
    return new CreditsException(
      'insufficient_credits',
      `This run costs ${toCredits(error.needed)} credits; your balance is ${toCredits(error.balance)}.`,
      { extensions: { needed: toCredits(error.needed), balance: toCredits(error.balance), adOffer, alternatives } },
    );
  }

  private async alternatives(userId: string, tool: Tool, available: number) {
    const user = await this.users.findById(userId);
    const premium = !!user?.premiumUntil && user.premiumUntil.getTime() > Date.now();
    return this.tools.cheaperAlternatives(tool, available, premium).catch(() => []);
  }
}
