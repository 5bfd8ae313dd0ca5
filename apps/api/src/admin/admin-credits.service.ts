import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AdminCreditAdjustmentResult, toCredits, toMilli } from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { AdminException } from './admin.exception';
import { InsufficientCreditsError } from '../credits/credits.errors';
import { CreditsService } from '../credits/credits.service';
import { UsersService } from '../users/users.service';
import { AuditLogService } from './audit-log.service';

/** Admin credit adjustments: one `admin_adjustment` entry and its audit row, in one transaction. */
@Injectable()
export class AdminCreditsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly credits: CreditsService,
    private readonly users: UsersService,
    private readonly audit: AuditLogService,
  ) {}

  async adjust(actorId: string, userId: string, delta: number, reason: string): Promise<AdminCreditAdjustmentResult> {
    if (!(await this.users.findById(userId).catch(() => null)))
      throw new AdminException(ProblemCode.NotFound, 'There is no such user.');
    const amount = Math.abs(toMilli(delta));
    try {
      return await this.dataSource.transaction(async (m) => {
        const movement = { userId, amount, kind: 'admin_adjustment' as const, note: reason };
        const result = delta > 0 ? await this.credits.grant(movement, m) : await this.credits.spend(movement, m);
        await this.audit.record(
          {
            actorId,
            action: 'user.credits.adjust',
            targetType: 'user',
            targetId: userId,
            details: { delta, reason, entryId: result.entryId, balance: toCredits(result.balance) },
          },
          m,
        );
        return { entryId: result.entryId, delta, balance: toCredits(result.balance) };
      });
    } catch (error) {
      if (error instanceof InsufficientCreditsError) {
        throw new AdminException(
          ProblemCode.Conflict,
          `The balance is ${toCredits(error.balance)} credits: an adjustment of ${delta} would take it below zero.`,
          { extensions: { balance: toCredits(error.balance) } },
        );
      }
      throw error;
    }
  }
}
