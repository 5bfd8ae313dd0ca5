import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Role, TokenPair } from '@megicai/contracts';
import { authConfig } from '../config/auth.config';
import { ProblemCode } from '@megicai/contracts';
import { AuthException } from './auth.exception';
import { RefreshToken } from './entities/refresh-token.entity';
import { randomToken, sha256Hex } from './secret-hash';

export interface AccessClaims {
  sub: string;
  role: Role;
  /** The refresh family (login session) the token belongs to, so "sign out other sessions" can spare this one. */
  fid?: string;
}

/**
 * Short-lived JWT access tokens and opaque refresh tokens rotated on every use. Presenting a spent refresh token
 * means it leaked: the whole family is revoked (RFC 9700 §4.14.2).
 */
@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {}

  async issue(
    user: { id: string; role: Role },
    manager?: EntityManager,
    familyId: string = randomUUID(),
  ): Promise<TokenPair> {
    const refreshToken = randomToken();
    await (manager ?? this.dataSource.manager).insert(RefreshToken, {
      userId: user.id,
      familyId,
      tokenHash: sha256Hex(refreshToken),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtl * 1000),
    });
    const claims: AccessClaims = { sub: user.id, role: user.role, fid: familyId };
    return { accessToken: await this.jwt.signAsync(claims), refreshToken };
  }

  /**
   * Spends a refresh token and returns the user it belongs to; the caller issues the next pair in the family.
   * `loadUser` must read through the manager it is given (the transaction's), never through another connection.
   */
  async rotate(
    refreshToken: string,
    loadUser: (id: string, manager: EntityManager) => Promise<{ id: string; role: Role; banned: boolean } | null>,
  ) {
    const invalid = () =>
      new AuthException(ProblemCode.InvalidRefreshToken, 'The refresh token is invalid, expired or already used.');
    return this.dataSource.transaction(async (m) => {
      const token = await m.findOneBy(RefreshToken, { tokenHash: sha256Hex(refreshToken) });
      if (!token || token.revokedAt || token.expiresAt.getTime() <= Date.now()) throw invalid();
      const spent = await m
        .createQueryBuilder()
        .update(RefreshToken)
        .set({ usedAt: () => 'now()' })
        .where('id = :id AND used_at IS NULL AND revoked_at IS NULL', { id: token.id })
        .execute();
      if (spent.affected !== 1) {
        // Reuse of a spent token: revoke the family and commit that (the caller answers 401 afterwards).
        await this.revokeFamily(token.familyId, m);
        return { reuse: true as const, familyId: token.familyId };
      }
      // Through this transaction's manager: waiting for a second pool connection while holding the row lock let
      // parallel refreshes of one token take every connection and wait on each other for ever.
      const user = await loadUser(token.userId, m);
      if (!user || user.banned) throw invalid();
      return { reuse: false as const, pair: await this.issue(user, m, token.familyId) };
    });
  }

  async revokeFamily(familyId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager)
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()' })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }

  async revokeByToken(refreshToken: string): Promise<void> {
    const token = await this.dataSource.manager.findOneBy(RefreshToken, { tokenHash: sha256Hex(refreshToken) });
    if (token) await this.revokeFamily(token.familyId);
  }

  /** Every session of the account ends, except the family `except` (the caller's own session) when given. */
  async revokeAllForUser(userId: string, options: { except?: string; manager?: EntityManager } = {}): Promise<void> {
    const qb = (options.manager ?? this.dataSource.manager)
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (options.except) qb.andWhere('family_id <> :except', { except: options.except });
    await qb.execute();
  }
}
