import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { API_KEY_SCOPES, type ApiKeyScope, ProblemCode, type Role, toCredits } from '@megicai/contracts';
import { AuthException } from './auth.exception';
import type { Principal } from '../common/auth/principal';
import { SpendLimitsService } from '../credits/spend-limits.service';
import type { ApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';
import { ApiKey } from './entities/api-key.entity';
import { randomToken, sha256Hex } from './secret-hash';
import { AccessStatusService } from './access-status.service';

const KEY_PREFIX = 'mgk_';
const MAX_KEYS_PER_USER = 20;

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    private readonly limits: SpendLimitsService,
    private readonly access: AccessStatusService,
  ) {}

  /** When this process last wrote `last_used_at` of a key (ms). */
  private readonly lastUsedWritten = new Map<string, number>();

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
    // Role and ban from the access-status cache, as for a token: no second read of the user on a warm path.
    const owner = await this.access.get(row.userId);
    if (!owner || owner.banned) return null;
    // At most one write a minute per key, so a busy integration does not turn every read into a write (the map
    // spares even the conditional UPDATE's round trip within this process).
    const now = Date.now();
    if ((this.lastUsedWritten.get(row.id) ?? 0) > now - 60_000) return this.principal(row, owner.role);
    if (this.lastUsedWritten.size >= 10_000) this.lastUsedWritten.clear();
    this.lastUsedWritten.set(row.id, now);
    void this.keys
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: () => 'now()' })
      .where("id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')", { id: row.id })
      .execute()
      .catch(() => undefined);
    return this.principal(row, owner.role);
  }

  private principal(row: ApiKey, role: Role): Principal {
    return {
      userId: row.userId,
      role,
      via: 'api-key',
      scopes: row.scopes,
      apiKeyId: row.id,
      apiKeyDailyCap: row.dailyCreditCap,
    };
  }
}
