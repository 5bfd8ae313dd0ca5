import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { webhooksConfig } from '../config/webhooks.config';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { WebhookEndpoint } from './entities/webhook-endpoint.entity';
import { WebhookEventsService } from './webhook-events.service';
import { WEBHOOK_QUEUE } from './webhook-schedule';

/** What the API, the worker and other features (job settlement) need: recording and dispatching events. */
@Module({
  imports: [
    ConfigModule.forFeature(webhooksConfig),
    TypeOrmModule.forFeature([WebhookEndpoint, WebhookDelivery]),
    BullModule.registerQueue({ name: WEBHOOK_QUEUE }),
  ],
  providers: [WebhookEventsService],
  exports: [WebhookEventsService, ConfigModule, TypeOrmModule],
})
export class WebhooksCoreModule {}
