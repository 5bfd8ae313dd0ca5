import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AdCreative, HouseCreativeItem } from '@megicai/contracts';
import { AdCreativeRecord } from '../entities/ad-creative.entity';
import type { AdTierSetting } from '../entities/ad-tier.entity';
import type { AdNetwork } from './ad-network.interface';

/** Our own creatives, stored in `ad_creatives`; a long tier chains several until its seconds are covered. */
@Injectable()
export class HouseNetwork implements AdNetwork {
  readonly id = 'house' as const;

  constructor(@InjectRepository(AdCreativeRecord) private readonly creatives: Repository<AdCreativeRecord>) {}

  available(): boolean {
    return true;
  }

  async creativeFor(tier: AdTierSetting): Promise<{ creative: AdCreative; requiredSeconds: number }> {
    const pool = await this.creatives.findBy({ active: true });
    return { creative: { network: 'house', items: chain(shuffle(pool), tier.seconds) }, requiredSeconds: tier.seconds };
  }
}

/** Creatives in turn until the seconds are filled; the last one is cut to fit. Empty pool → one placeholder. */
export function chain(pool: AdCreativeRecord[], seconds: number): HouseCreativeItem[] {
  if (pool.length === 0) {
    return [{ id: 'placeholder', kind: 'html', title: 'MegicAI', src: '<p>MegicAI</p>', clickUrl: 'about:blank', seconds }];
  }
  const items: HouseCreativeItem[] = [];
  for (let left = seconds, i = 0; left > 0; i++) {
    const c = pool[i % pool.length];
    const shown = Math.min(c.seconds, left);
    items.push({ id: c.id, kind: c.kind, title: c.title, src: c.src, clickUrl: c.clickUrl, seconds: shown });
    left -= shown;
  }
  return items;
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
