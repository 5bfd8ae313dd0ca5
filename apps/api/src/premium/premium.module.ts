import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { appConfig } from '../config/app.config';
import { premiumConfig } from '../config/premium.config';
import { CreditsModule } from '../credits/credits.module';
import { UsersModule } from '../users/users.module';
import { CheckoutSession } from './entities/checkout-session.entity';
import { PaymentEvent } from './entities/payment-event.entity';
import { PremiumPlan } from './entities/premium-plan.entity';
import { PaymentEventsService } from './payment-events.service';
import { OfflinePaymentProvider } from './payments/offline-payment.provider';
import { PAYMENT_PROVIDER } from './payments/payment-provider';
import { PaymentsWebhookController } from './payments-webhook.controller';
import { PremiumController } from './premium.controller';
import { PremiumService } from './premium.service';

/** Plans, checkout through a payment provider, and the signed payments webhook that activates premium. */
@Module({
  imports: [
    ConfigModule.forFeature(premiumConfig),
    TypeOrmModule.forFeature([PremiumPlan, CheckoutSession, PaymentEvent]),
    UsersModule,
    CreditsModule,
  ],
  controllers: [PremiumController, PaymentsWebhookController],
  providers: [
    PremiumService,
    PaymentEventsService,
    {
      provide: PAYMENT_PROVIDER,
      inject: [appConfig.KEY],
      // Only the offline demo exists so far; premium.config validates the provider name.
      useFactory: (app: ConfigType<typeof appConfig>) => new OfflinePaymentProvider(app.publicUrl),
    },
  ],
  exports: [PremiumService],
})
export class PremiumModule {}
