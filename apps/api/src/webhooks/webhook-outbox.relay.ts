import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { IntervalTask } from '../common/scheduling/interval-task';
import { webhooksConfig } from '../config/webhooks.config';
import { WebhookEventsService } from './webhook-events.service';

/** Worker: every interval, re-adds deliveries committed with their event that never reached BullMQ. */
@Injectable()
export class WebhookOutboxRelay extends IntervalTask {
  constructor(
    private readonly events: WebhookEventsService,
    @Inject(webhooksConfig.KEY) private readonly config: ConfigType<typeof webhooksConfig>,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return this.config.relayIntervalMs;
  }

  protected async tick(): Promise<void> {
    const added = await this.events.relay();
    if (added > 0) this.logger.log(`Relayed ${added} webhook deliveries from the outbox`);
  }
}
