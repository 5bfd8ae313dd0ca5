import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { Repository } from 'typeorm';
import { AD_TIERS, type AdTier, type AdTierSettings, toCredits, toMilli } from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { AdsException } from './ads.exception';
import { AdTierSetting } from './entities/ad-tier.entity';
import { SharedMemo } from '../common/cache/shared-memo';
import { redisConfig } from '../config/redis.config';
import { REDIS } from '../redis/redis.module';

/** How stale another process's tiers may be while Redis pub/sub is away (changes are broadcast at once). */
const TIERS_TTL_MS = 30_000;

export interface AdTierPatch {
  seconds?: number;
  /** Credits (decimal). */
  credits?: number;
  dailyCap?: number;
}

/**
 * The tier table: read on every offer (and every refused run), edited by admins. Kept in memory (SharedMemo: a change
 * invalidates it in every process over Redis); the rows handed out are copies, so callers may change them.
 */
@Injectable()
export class AdTiersService implements OnModuleInit, OnModuleDestroy {
  private readonly memo: SharedMemo<AdTierSetting[]>;

  constructor(
    @InjectRepository(AdTierSetting) private readonly tiers: Repository<AdTierSetting>,
    @Inject(REDIS) redis: Redis,
    @Inject(redisConfig.KEY) redisCfg: ConfigType<typeof redisConfig>,
  ) {
    this.memo = new SharedMemo(redis, `${redisCfg.prefix}:ad-tiers-changed`, TIERS_TTL_MS, async () => {
      const rows = await this.tiers.find();
      return rows.sort((a, b) => a.credits - b.credits || AD_TIERS.indexOf(a.tier) - AD_TIERS.indexOf(b.tier));
    });
  }

  onModuleInit(): void {
    this.memo.start();
  }

  onModuleDestroy(): void {
    this.memo.stop();
  }

  /** Ordered by what they pay, smallest first. */
  async list(): Promise<AdTierSetting[]> {
    return (await this.memo.get()).map((row) => this.tiers.create({ ...row }));
  }

  async get(tier: AdTier): Promise<AdTierSetting> {
    const row = (await this.list()).find((r) => r.tier === tier);
    if (!row) throw new AdsException(ProblemCode.NotFound, `There is no ad tier "${tier}".`);
    return row;
  }

  /** Returns the settings before and after, for the audit log. */
  async update(tier: AdTier, patch: AdTierPatch): Promise<{ before: AdTierSettings; after: AdTierSettings }> {
    // Fresh from the table: a stale copy must not write old values back.
    const row = AD_TIERS.includes(tier) ? await this.tiers.findOneBy({ tier }) : null;
    if (!row) throw new AdsException(ProblemCode.NotFound, `There is no ad tier "${tier}".`);
    const before = AdTiersService.view(row);
    if (patch.seconds !== undefined) row.seconds = patch.seconds;
    if (patch.credits !== undefined) row.credits = toMilli(patch.credits);
    if (patch.dailyCap !== undefined) row.dailyCap = patch.dailyCap;
    await this.tiers.save(row);
    await this.memo.changed();
    return { before, after: AdTiersService.view(row) };
  }

  static view(row: AdTierSetting): AdTierSettings {
    return { tier: row.tier, seconds: row.seconds, credits: toCredits(row.credits), dailyCap: row.dailyCap };
  }
}
