import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { AuditLogEntryView, Page } from '@megicai/contracts';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { AuditLogEntry } from './entities/audit-log-entry.entity';

export interface AuditRecord {
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  details?: Record<string, unknown>;
}

/** Every admin change is written here, in the same transaction as the change when there is one. */
@Injectable()
export class AuditLogService {
  constructor(@InjectRepository(AuditLogEntry) private readonly entries: Repository<AuditLogEntry>) {}

  async record(entry: AuditRecord, manager?: EntityManager): Promise<void> {
    await (manager ?? this.entries.manager).query(
      `INSERT INTO admin_audit_log (actor_id, action, target_type, target_id, details) VALUES ($1, $2, $3, $4, $5)`,
      [entry.actorId, entry.action, entry.targetType, entry.targetId, JSON.stringify(entry.details ?? {})],
    );
  }

  async page(
    limit: number,
    cursor?: string,
    filter: { targetId?: string; action?: string; actorId?: string } = {},
  ): Promise<Page<AuditLogEntryView>> {
    const after = decodeCursor(cursor);
    // Millisecond keys, as the cursor carries a JS Date (see credits ledger pages).
    const qb = this.entries
      .createQueryBuilder('a')
      .orderBy(`date_trunc('milliseconds', a.created_at)`, 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(limit + 1);
    if (filter.targetId) qb.andWhere('a.target_id = :targetId', { targetId: filter.targetId });
    if (filter.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (after)
      qb.andWhere(`(date_trunc('milliseconds', a.created_at), a.id) < (:at, :id)`, {
        at: after.createdAt,
        id: after.id,
      });
    const rows = await qb.getMany();
    return toPage(rows, limit, (r) => ({
      id: r.id,
      actorId: r.actorId,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      details: r.details,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}
