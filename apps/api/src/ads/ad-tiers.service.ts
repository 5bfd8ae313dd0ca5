import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AD_TIERS, type AdTier, type AdTierOption, type AdTierSettings, toCredits, toMilli } from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { AdsException } from './ads.exception';
import { AdTierOptionRecord } from './entities/ad-tier-option.entity';
import { AdTierSetting } from './entities/ad-tier.entity';

/** One duration a tier offers: its standard one (`ad_tiers`) or an extra option. Credits in milli-credits. */
export interface AdDuration {
  tier: AdTier;
  seconds: number;
  credits: number;
  dailyCap: number;
}

export interface AdTierPatch {
  seconds?: number;
  /** Credits (decimal). */
  credits?: number;
  dailyCap?: number;
}

/** The tier table: read on every offer, edited by admins. Small enough to read fresh each time. */
@Injectable()
export class AdTiersService {
  constructor(
    @InjectRepository(AdTierSetting) private readonly tiers: Repository<AdTierSetting>,
    @InjectRepository(AdTierOptionRecord) private readonly options: Repository<AdTierOptionRecord>,
  ) {}

  /** Every tier's durations, tiers as in `list`, each by seconds; the standard duration wins a tie with an option. */
  async durations(): Promise<AdDuration[]> {
    const [tiers, options] = await Promise.all([this.list(), this.options.find()]);
    return tiers.flatMap((t) => {
      const extra = options.filter((o) => o.tier === t.tier && o.seconds !== t.seconds);
      return [t, ...extra]
        .map((d) => ({ tier: t.tier, seconds: d.seconds, credits: d.credits, dailyCap: t.dailyCap }))
        .sort((a, b) => a.seconds - b.seconds);
    });
  }

  /** The duration a session asks for (default: the tier's standard one); an unknown one → 400. */
  async duration(tier: AdTier, seconds?: number): Promise<AdDuration> {
    const row = await this.get(tier);
    if (seconds === undefined || seconds === row.seconds) {
      return { tier, seconds: row.seconds, credits: row.credits, dailyCap: row.dailyCap };
    }
    const option = await this.options.findOneBy({ tier, seconds });
    if (!option) {
      throw new AdsException(ProblemCode.ValidationFailed, `The ${tier} tier has no ${seconds}-second ad.`, {
        errors: [{ field: 'seconds', message: 'not a duration of this tier (see GET /ads/offers)' }],
      });
    }
    return { tier, seconds, credits: option.credits, dailyCap: row.dailyCap };
  }

  async tierOptions(tier: AdTier): Promise<AdTierOption[]> {
    await this.get(tier);
    const rows = await this.options.find({ where: { tier }, order: { seconds: 'ASC' } });
    return rows.map((r) => ({ seconds: r.seconds, credits: toCredits(r.credits) }));
  }

  /** Replaces a tier's extra durations; returns them before and after, for the audit log. */
  async setOptions(tier: AdTier, next: AdTierOption[]): Promise<{ before: AdTierOption[]; after: AdTierOption[] }> {
    if (new Set(next.map((o) => o.seconds)).size !== next.length) {
      throw new AdsException(ProblemCode.ValidationFailed, 'Each duration may appear once.', {
        errors: [{ field: 'options', message: 'duplicate seconds' }],
      });
    }
    const before = await this.tierOptions(tier);
    await this.options.manager.transaction(async (m) => {
      await m.delete(AdTierOptionRecord, { tier });
      if (next.length) {
        await m.insert(
          AdTierOptionRecord,
          next.map((o) => ({ tier, seconds: o.seconds, credits: toMilli(o.credits) })),
        );
      }
    });
    return { before, after: await this.tierOptions(tier) };
  }

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
