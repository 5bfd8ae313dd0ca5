import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { API_KEY_SCOPES, type ApiKeyScope, ProblemCode, toCredits } from '@megicai/contracts';
import { AuthException } from './auth.exception';
import type { Principal } from '../common/auth/principal';
import { SpendLimitsService } from '../credits/spend-limits.service';
import { UsersService } from '../users/users.service';
import type { ApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';
import { ApiKey } from './entities/api-key.entity';
import { randomToken, sha256Hex } from './secret-hash';

const KEY_PREFIX = 'mgk_';
const MAX_KEYS_PER_USER = 20;

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    private readonly users: UsersService,
    private readonly limits: SpendLimitsService,
  ) {}

  /** `dailyCreditCap` in milli-credits (null = none). */
  async create(
    userId: string,
    name: string,
    scopes?: ApiKeyScope[],
    dailyCreditCap: number | null = null,
  ): Promise<CreatedApiKeyDto> {
    const active = await this.keys.countBy({ userId, revokedAt: IsNull() });
    if (active >= MAX_KEYS_PER_USER)
      throw new AuthException(ProblemCode.Conflict, `At most ${MAX_KEYS_PER_USER} active API keys.`);
    const visible = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8).toLowerCase();
    const key = `${KEY_PREFIX}${visible}_${randomToken(32)}`;
    const row = await this.keys.save(
      this.keys.create({
        userId,
        name,
        prefix: `${KEY_PREFIX}${visible}`,
        keyHash: sha256Hex(key),
        scopes: scopes ?? [...API_KEY_SCOPES],
        dailyCreditCap,
      }),
    );
    return { id: row.id, name: row.name, key };
  }

  async list(userId: string): Promise<ApiKeyDto[]> {
    const rows = await this.keys.find({ where: { userId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
    const spent = await this.limits.spentTodayByKey(rows.map((k) => k.id));
    return rows.map((k) => ({
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      scopes: k.scopes,
      lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
      dailyCreditCap: k.dailyCreditCap === null ? null : toCredits(k.dailyCreditCap),
      spentToday: toCredits(spent.get(k.id) ?? 0),
      createdAt: k.createdAt.toISOString(),
    }));
  }

  async revoke(userId: string, id: string): Promise<void> {
    const result = await this.keys.update({ id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (result.affected !== 1) throw new AuthException(ProblemCode.NotFound, 'No such API key.');
  }

  /** Resolves an `X-API-Key` header to its owner, or null. */
  async authenticate(key: string): Promise<Principal | null> {
    if (!key.startsWith(KEY_PREFIX) || key.length > 200) return null;
    const row = await this.keys.findOneBy({ keyHash: sha256Hex(key), revokedAt: IsNull() });
    if (!row) return null;
    const owner = await this.users.findById(row.userId);
    if (!owner || owner.banned) return null;
    // At most one write a minute per key, so a busy integration does not turn every read into a write.
    void this.keys
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: () => 'now()' })
      .where("id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')", { id: row.id })
      .execute()
      .catch(() => undefined);
    return {
      userId: owner.id,
      role: owner.role,
      via: 'api-key',
      scopes: row.scopes,
      apiKeyId: row.id,
      apiKeyDailyCap: row.dailyCreditCap,
    };
  }
}
