import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdsModule } from '../ads/ads.module';
import { AuthModule } from '../auth/auth.module';
import { CreditsModule } from '../credits/credits.module';
import { UsersModule } from '../users/users.module';
import { AdminAdsController } from './admin-ads.controller';
import { AdminAuditController } from './admin-audit.controller';
import { AdminCreditsService } from './admin-credits.service';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';
import { AuditLogService } from './audit-log.service';
import { AuditLogEntry } from './entities/audit-log-entry.entity';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';

/**
 * Admin controllers call the feature services; they own no money or job logic of their own. Every change goes
 * through AuditLogService (exported, so other admin features can record theirs).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([AuditLogEntry]),
    IdempotencyModule,
    UsersModule,
    AuthModule,
    CreditsModule,
    AdsModule,
  ],
  controllers: [AdminUsersController, AdminAdsController, AdminAuditController],
  providers: [AuditLogService, AdminUsersService, AdminCreditsService],
  exports: [AuditLogService],
})
export class AdminModule {}
