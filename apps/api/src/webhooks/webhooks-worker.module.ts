import { Module } from '@nestjs/common';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';
import { WebhookOutboxRelay } from './webhook-outbox.relay';
import { WebhooksCoreModule } from './webhooks-core.module';

/** The worker side: the delivery processor and the outbox relay. Only in WorkerModule. */
@Module({
  imports: [WebhooksCoreModule],
  providers: [WebhookDeliveryProcessor, WebhookOutboxRelay],
})
export class WebhooksWorkerModule {}
