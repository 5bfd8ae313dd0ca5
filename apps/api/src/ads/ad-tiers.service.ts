import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AD_TIERS, type AdTier, type AdTierSettings, toCredits, toMilli } from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { AdsException } from './ads.exception';
import { AdTierSetting } from './entities/ad-tier.entity';

export interface AdTierPatch {
  seconds?: number;
  /** Credits (decimal). */
  credits?: number;
  dailyCap?: number;
}

/** The tier table: read on every offer, edited by admins. Small enough to read fresh each time. */
@Injectable()
export class AdTiersService {
  constructor(@InjectRepository(AdTierSetting) private readonly tiers: Repository<AdTierSetting>) {}

  /** Ordered by what they pay, smallest first. */
  async list(): Promise<AdTierSetting[]> {
    const rows = await this.tiers.find();
    return rows.sort((a, b) => a.credits - b.credits || AD_TIERS.indexOf(a.tier) - AD_TIERS.indexOf(b.tier));
  }

  async get(tier: AdTier): Promise<AdTierSetting> {
    const row = AD_TIERS.includes(tier) ? await this.tiers.findOneBy({ tier }) : null;
    if (!row) throw new AdsException(ProblemCode.NotFound, `There is no ad tier "${tier}".`);
    return row;
  }

  /** Returns the settings before and after, for the audit log. */
  async update(tier: AdTier, patch: AdTierPatch): Promise<{ before: AdTierSettings; after: AdTierSettings }> {
    const row = await this.get(tier);
    const before = AdTiersService.view(row);
    if (patch.seconds !== undefined) row.seconds = patch.seconds;
    if (patch.credits !== undefined) row.credits = toMilli(patch.credits);
    if (patch.dailyCap !== undefined) row.dailyCap = patch.dailyCap;
    await this.tiers.save(row);
    return { before, after: AdTiersService.view(row) };
  }

  static view(row: AdTierSetting): AdTierSettings {
    return { tier: row.tier, seconds: row.seconds, credits: toCredits(row.credits), dailyCap: row.dailyCap };
  }
}
