import { Module } from '@nestjs/common';
import { CreditsModule } from '../credits/credits.module';
import { CreditsLowNotifier } from './credits-low.notifier';
import { WebhooksController } from './webhooks.controller';
import { WebhooksCoreModule } from './webhooks-core.module';
import { WebhooksService } from './webhooks.service';

/** `/me/webhooks`: a user's endpoints, their delivery log and the test event; `credits.low` from the API's spends. */
@Module({
  imports: [WebhooksCoreModule, CreditsModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, CreditsLowNotifier],
})
export class WebhooksModule {}
