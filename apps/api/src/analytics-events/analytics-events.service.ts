import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AnalyticsEvent } from './analytics-events.sql';

/**
 * Records analytics events where the recorded thing is not a single statement (sign-up, login, a cache hit): the
 * events go in the caller's transaction, as one multi-row INSERT. Statements that can take a CTE use eventCte instead.
 */
@Injectable()
export class AnalyticsEventsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(events: AnalyticsEvent[], manager?: EntityManager): Promise<void> {
    if (events.length === 0) return;
    const params: unknown[] = [];
    const rows = events.map((e) => {
      const values = [e.type, e.userId, e.toolId, e.provider, e.kind, e.amount, e.latencyMs, e.ok, e.refId];
      const placeholders = values.map((v) => {
        params.push(v ?? null);
        return `$${params.length}`;
      });
      const [type, user, tool, provider, kind, amount, latency, ok, ref] = placeholders;
      return `(${type}, ${user}::uuid, ${tool}::uuid, ${provider}, ${kind}, ${amount}::bigint, ${latency}::int, ${ok}::boolean, ${ref}::uuid)`;
    });
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO analytics_events (type, user_id, tool_id, provider, kind, amount, latency_ms, ok, ref_id)
       VALUES ${rows.join(', ')}`,
      params,
    );
  }
}
