import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { appConfig } from '../config/app.config';
import { premiumConfig } from '../config/premium.config';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';
import { CreditsModule } from '../credits/credits.module';
import { UsersModule } from '../users/users.module';
import { CheckoutService } from './checkout.service';
import { CheckoutSession } from './entities/checkout-session.entity';
import { PaymentEvent } from './entities/payment-event.entity';
import { PremiumPlan } from './entities/premium-plan.entity';
import { CreditPack } from './packs/credit-pack.entity';
import { CreditPacksController } from './packs/credit-packs.controller';
import { CreditPacksService } from './packs/credit-packs.service';
import { PaymentEventsService } from './payment-events.service';
import { OfflinePaymentProvider } from './payments/offline-payment.provider';
import { PAYMENT_PROVIDER, type PaymentProvider } from './payments/payment-provider';
import { StripePaymentProvider } from './payments/stripe-payment.provider';
import { PaymentsWebhookController } from './payments-webhook.controller';
import { PremiumController } from './premium.controller';
import { PremiumService } from './premium.service';

/**
 * Payments: premium plans and credit packs sold through one provider interface (payments/: stripe, offline), the
 * customer portal, and the signed payments webhook that applies every payment. Exports CreditPacksService for the
 * admin pages, and PremiumService for the plans the admin edits.
 */
@Module({
  imports: [
    ConfigModule.forFeature(premiumConfig),
    TypeOrmModule.forFeature([PremiumPlan, CheckoutSession, PaymentEvent, CreditPack]),
    IdempotencyModule,
    UsersModule,
    CreditsModule,
  ],
  controllers: [PremiumController, CreditPacksController, PaymentsWebhookController],
  providers: [
    PremiumService,
    CheckoutService,
    CreditPacksService,
    PaymentEventsService,
    {
      provide: PAYMENT_PROVIDER,
      inject: [appConfig.KEY, premiumConfig.KEY],
      useFactory: (app: ConfigType<typeof appConfig>, cfg: ConfigType<typeof premiumConfig>): PaymentProvider =>
        cfg.provider === 'stripe'
          ? new StripePaymentProvider({
              // premium.config requires both with PAYMENTS_PROVIDER=stripe.
              secretKey: cfg.stripeSecretKey as string,
              webhookSecret: cfg.stripeWebhookSecret as string,
              toleranceSeconds: cfg.toleranceSeconds,
              apiBase: cfg.stripeApiBase,
            })
          : new OfflinePaymentProvider(app.publicUrl, cfg.webhookSecret, cfg.toleranceSeconds),
    },
  ],
  exports: [CreditPacksService, PremiumService],
})
export class PremiumModule {}
