import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { randomToken, sha256Hex } from './secret-hash';

export type AccountTokenPurpose = 'verify_email' | 'reset_password';

/**
 * Single-use links mailed to the account's address (verification, password reset). Only the SHA-256 of a token is
 * stored (a 256-bit random value needs no slow hash); spending it is one conditional UPDATE, so two clicks racing
 * each other cannot both succeed.
 */
@Injectable()
export class AccountTokensService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async issue(userId: string, purpose: AccountTokenPurpose, ttlSeconds: number, m?: EntityManager): Promise<string> {
    const token = randomToken();
    await (m ?? this.dataSource.manager).query(
      `INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [userId, purpose, sha256Hex(token), ttlSeconds],
    );
    return token;
  }

  /** Spends a live token and returns its user, or null when it is unknown, expired, used or for another purpose. */
  async consume(token: string, purpose: AccountTokenPurpose, m: EntityManager): Promise<string | null> {
    const result: unknown[] = await m.query(
      `UPDATE account_tokens SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id`,
      [sha256Hex(token), purpose],
    );
    // TypeORM answers [rows, count] for UPDATE … RETURNING on postgres.
    const rows = (Array.isArray(result[0]) ? result[0] : result) as { user_id: string }[];
    return rows[0]?.user_id ?? null;
  }

  /** Spends every live token of a purpose (a reset kills the other reset links still in the mailbox). */
  async revokeAll(userId: string, purpose: AccountTokenPurpose | null, m?: EntityManager): Promise<void> {
    await (m ?? this.dataSource.manager).query(
      `UPDATE account_tokens SET used_at = now()
        WHERE user_id = $1 AND ($2::varchar IS NULL OR purpose = $2) AND used_at IS NULL`,
      [userId, purpose],
    );
  }

  /** Seconds since the newest token of that purpose was issued (null: never). */
  async secondsSinceLast(userId: string, purpose: AccountTokenPurpose): Promise<number | null> {
    const rows: { age: number | null }[] = await this.dataSource.query(
      `SELECT extract(epoch FROM now() - max(created_at))::float8 AS age
         FROM account_tokens WHERE user_id = $1 AND purpose = $2`,
      [userId, purpose],
    );
    return rows[0]?.age ?? null;
  }
}
