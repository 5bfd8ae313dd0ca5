import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, QueryFailedError, Repository } from 'typeorm';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import type { Role } from '@megicai/contracts';
import { User } from './entities/user.entity';
import { newReferralCode } from './referral-code';
import { preparedQuery } from '../common/sql/prepared-query';

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  role?: Role;
  referredById?: string | null;
}

export class EmailTakenError extends Error {}

const UNIQUE_VIOLATION = '23505';

/** The columns of a user that GET /me shows. */
export type UserProfile = Pick<
  User,
  'id' | 'email' | 'emailVerified' | 'displayName' | 'role' | 'premiumUntil' | 'referralCode' | 'createdAt'
>;

/** Users and profiles. Other modules read people through this service, never through the table. */
@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  static normalizeEmail(email: string): string {
    return email.trim().toLowerCase();
  }

  /** Inside a transaction, pass its manager: a second pool connection while the first holds locks can starve the pool. */
  findById(id: string, manager?: EntityManager): Promise<User | null> {
    return manager ? manager.findOneBy(User, { id }) : this.users.findOneBy({ id });
  }

  /** Role and ban alone (the access check of every request): a prepared read of two columns. */
  async accessOf(id: string): Promise<Pick<User, 'role' | 'banned'> | null> {
    const rows = await preparedQuery<Pick<User, 'role' | 'banned'>>(
      this.users.manager.connection,
      'users-access-of',
      `SELECT role, banned FROM users WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * What GET /me shows, in one prepared read: the profile columns (never the password hash) and the balance. The
   * balance column is the credits module's, read-only here so that /me is one round trip.
   */
  async profileOf(id: string): Promise<(UserProfile & { balance: number }) | null> {
    const rows = await preparedQuery<UserProfile & { balance: string | null }>(
      this.users.manager.connection,
      'users-profile-of',
      `SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.premium_until AS "premiumUntil",
              u.referral_code AS "referralCode", u.created_at AS "createdAt", u.email_verified AS "emailVerified",
              a.balance
         FROM users u LEFT JOIN credit_accounts a ON a.user_id = u.id WHERE u.id = $1`,
      [id],
    );
    return rows[0] ? { ...rows[0], balance: Number(rows[0].balance ?? 0) } : null;
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: UsersService.normalizeEmail(email) });
  }

  findByReferralCode(code: string): Promise<User | null> {
    return this.users.findOneBy({ referralCode: code.trim().toUpperCase() });
  }

  /** How many accounts registered with this user's referral code. */
  countReferredBy(userId: string): Promise<number> {
    return this.users.countBy({ referredById: userId });
  }

  /** Users whose code brought the most registrations since `since` (all time when null), most first. */
  async topReferrers(since: Date | null, limit: number): Promise<{ userId: string; referred: number }[]> {
    const rows: { referred_by_id: string; referred: string }[] = await this.users.query(
      `SELECT referred_by_id, count(*) AS referred FROM users
        WHERE referred_by_id IS NOT NULL AND ($1::timestamptz IS NULL OR created_at >= $1)
        GROUP BY referred_by_id ORDER BY count(*) DESC, referred_by_id LIMIT $2`,
      [since, limit],
    );
    return rows.map((r) => ({ userId: r.referred_by_id, referred: Number(r.referred) }));
  }

  /** Display names by user id, for boards that only know ids. */
  async displayNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.users.find({ where: { id: In(ids) }, select: { id: true, displayName: true } });
    return new Map(rows.map((u) => [u.id, u.displayName]));
  }

  /**
   * Extends premium by one interval from its current end, or from now when it has lapsed, inside the caller's
   * transaction (a paid period and its allowance commit together). Returns the new end.
   */
  async extendPremium(manager: EntityManager, userId: string, interval: 'month' | 'year'): Promise<Date> {
    const result: unknown[] = await manager.query(
      `UPDATE users SET premium_until = greatest(coalesce(premium_until, now()), now()) + $2::interval,
              updated_at = now()
        WHERE id = $1 RETURNING premium_until`,
      [userId, interval === 'year' ? '1 year' : '1 month'],
    );
    // TypeORM answers [rows, count] for UPDATE … RETURNING on postgres.
    const rows = (Array.isArray(result[0]) ? result[0] : result) as { premium_until: Date }[];
    if (!rows.length) throw new Error(`user ${userId} not found`);
    return rows[0].premium_until;
  }

  /**
   * Locks the user's row for the caller's transaction and reads what a referral bonus depends on. Email verification
   * and a first ad both lock here before any credit account, so whichever commits second sees the first.
   */
  async lockReferralState(
    manager: EntityManager,
    userId: string,
  ): Promise<{ referredById: string | null; emailVerified: boolean } | null> {
    const rows: { referred_by_id: string | null; email_verified: boolean }[] = await manager.query(
      `SELECT referred_by_id, email_verified FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
      [userId],
    );
    return rows[0] ? { referredById: rows[0].referred_by_id, emailVerified: rows[0].email_verified } : null;
  }

  async setPassword(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
      userId,
      passwordHash,
    ]);
  }

  /** Marks the address as proven, inside the caller's transaction. */
  async markEmailVerified(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE users SET email_verified = true, updated_at = now() WHERE id = $1`, [userId]);
  }

  /** Inserts a user inside the caller's transaction; a taken email surfaces as EmailTakenError. */
  async create(manager: EntityManager, input: NewUser): Promise<User> {
    for (let attempt = 0; ; attempt++) {
      const user = manager.create(User, {
        email: UsersService.normalizeEmail(input.email),
        passwordHash: input.passwordHash,
        displayName: input.displayName,
        role: input.role ?? 'user',
        banned: false,
        emailVerified: false,
        deletedAt: null,
        referralCode: newReferralCode(),
        referredById: input.referredById ?? null,
        premiumUntil: null,
      });
      try {
        // A savepoint, so that a referral-code collision can be retried without aborting the caller's transaction.
        return await manager.transaction((inner) => inner.save(user));
      } catch (error) {
        const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
        const code = (error as { driverError?: { code?: string } }).driverError?.code;
        if (!(error instanceof QueryFailedError) || code !== UNIQUE_VIOLATION) throw error;
        if (constraint === 'users_email_key') throw new EmailTakenError(input.email);
        if (attempt >= 3) throw error;
      }
    }
  }

  async update(
    id: string,
    patch: Partial<Pick<User, 'role' | 'banned' | 'displayName' | 'premiumUntil' | 'passwordHash'>>,
  ) {
    await this.users.update({ id }, patch);
  }

  /** Newest first, optionally filtered by part of the email or display name. */
  async search(q: string | undefined, limit: number, cursor?: string) {
    const after = decodeCursor(cursor);
    const qb = this.users
      .createQueryBuilder('u')
      .orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id', 'DESC')
      .take(limit + 1);
    if (q)
      qb.andWhere(
        new Brackets((w) =>
          w.where('u.email ILIKE :q', { q: `%${escapeLike(q)}%` }).orWhere('u.display_name ILIKE :q'),
        ),
      );
    if (after) qb.andWhere('(u.created_at, u.id) < (:at, :id)', { at: after.createdAt, id: after.id });
    const rows = await qb.getMany();
    return toPage(rows, limit, (u) => u);
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
