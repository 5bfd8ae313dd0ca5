import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogService } from './audit-log.service';
import { AuditLogEntry } from './entities/audit-log-entry.entity';

/**
 * The append-only log of admin changes. Its own module so that feature modules which record moderation (the
 * marketplace) and the admin layer both use it without the features importing admin.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditLogEntry])],
  providers: [AuditLogService],
  exports: [AuditLogService],
})
export class AuditModule {}
