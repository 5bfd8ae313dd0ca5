import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { CreditsEvents, type LowBalanceEvent } from '../credits/credits-events';
import { SpendLimitsService } from '../credits/spend-limits.service';
import { webhooksConfig } from '../config/webhooks.config';
import { WebhookEventsService } from './webhook-events.service';

/**
 * `credits.low`: when a spend takes a balance below the user's alert level, CreditsEvents says so from inside the
 * spend's transaction, which may still roll back. So the event is sent only after a short settle delay and only when
 * a fresh read still finds the balance below the level; its key (user and UTC day) makes it at most one a day.
 */
@Injectable()
export class CreditsLowNotifier implements OnModuleInit {
  private readonly logger = new Logger(CreditsLowNotifier.name);

  constructor(
    private readonly events: CreditsEvents,
    private readonly limits: SpendLimitsService,
    private readonly webhooks: WebhookEventsService,
    @Inject(webhooksConfig.KEY) private readonly config: ConfigType<typeof webhooksConfig>,
  ) {}

  onModuleInit(): void {
    this.events.onLowBalance((event) => {
      setTimeout(() => void this.notify(event), this.config.creditsLowSettleMs).unref();
    });
  }

  private async notify({ userId }: LowBalanceEvent): Promise<void> {
    try {
      const now = await this.limits.get(userId);
      if (!now.lowBalance || now.lowBalanceAlert === null) return;
      await this.webhooks.emit({
        userId,
        event: 'credits.low',
        key: `credits.low:${userId}:${new Date().toISOString().slice(0, 10)}`,
        data: { balance: now.balance, level: now.lowBalanceAlert },
      });
    } catch (error) {
      this.logger.warn(`credits.low for ${userId} not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
