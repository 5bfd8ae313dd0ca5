import { Module } from '@nestjs/common';
import { WebhooksController } from './webhooks.controller';
import { WebhooksCoreModule } from './webhooks-core.module';
import { WebhooksService } from './webhooks.service';

/** `/me/webhooks`: a user's endpoints, their delivery log and the test event. */
@Module({
  imports: [WebhooksCoreModule],
  controllers: [WebhooksController],
  providers: [WebhooksService],
})
export class WebhooksModule {}
