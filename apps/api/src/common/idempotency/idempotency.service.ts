import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Repository } from 'typeorm';
import { IdempotencyRecord } from './idempotency-record.entity';

/** Keys are kept 24 hours; after that the same key starts a new request. */
const TTL_HOURS = 24;

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: unknown; headers: Record<string, string> }
  | { kind: 'in_flight' }
  | { kind: 'mismatch' };

@Injectable()
export class IdempotencyService {
  constructor(@InjectRepository(IdempotencyRecord) private readonly records: Repository<IdempotencyRecord>) {}

  static hashRequest(method: string, path: string, body: unknown): string {
    return createHash('sha256')
      .update(`${method} ${path}\n${canonicalJson(body)}`)
      .digest('hex');
  }

  /** The first request with a key inserts it (a unique constraint, not a check-then-write) and runs. */
  async claim(userId: string, key: string, requestHash: string): Promise<Claim> {
    await this.records.query(
      `DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND created_at < now() - make_interval(hours => $3)`,
      [userId, key, TTL_HOURS],
    );
    const inserted: unknown[] = await this.records.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, status) VALUES ($1, $2, $3, 'in_flight')
       ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [userId, key, requestHash],
    );
    if (inserted.length === 1) return { kind: 'claimed' };
    const existing = await this.records.findOneBy({ userId, key });
    if (!existing) return this.claim(userId, key, requestHash);
    if (existing.requestHash !== requestHash) return { kind: 'mismatch' };
    if (existing.status === 'in_flight') return { kind: 'in_flight' };
    return {
      kind: 'replay',
      status: existing.responseStatus ?? 200,
      body: existing.responseBody,
      headers: existing.responseHeaders ?? {},
    };
  }

  async complete(userId: string, key: string, status: number, body: unknown, headers: Record<string, string>) {
    await this.records.update(
      { userId, key },
      { status: 'done', responseStatus: status, responseBody: (body ?? null) as object, responseHeaders: headers },
    );
  }

  /** A failure that a retry may fix (5xx, a crash): forget the key so the retry runs for real. */
  async abandon(userId: string, key: string): Promise<void> {
    await this.records.delete({ userId, key, status: 'in_flight' });
  }
}

function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
