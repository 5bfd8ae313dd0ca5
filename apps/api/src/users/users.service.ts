import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, QueryFailedError, Repository } from 'typeorm';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import type { Role } from '@megicai/contracts';
import { User } from './entities/user.entity';
import { newReferralCode } from './referral-code';

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  role?: Role;
  referredById?: string | null;
}

export class EmailTakenError extends Error {}

const UNIQUE_VIOLATION = '23505';

/** Users and profiles. Other modules read people through this service, never through the table. */
@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  static normalizeEmail(email: string): string {
    return email.trim().toLowerCase();
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
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

  /** Inserts a user inside the caller's transaction; a taken email surfaces as EmailTakenError. */
  async create(manager: EntityManager, input: NewUser): Promise<User> {
    for (let attempt = 0; ; attempt++) {
      const user = manager.create(User, {
        email: UsersService.normalizeEmail(input.email),
        passwordHash: input.passwordHash,
        displayName: input.displayName,
        role: input.role ?? 'user',
        banned: false,
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
