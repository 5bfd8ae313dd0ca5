import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { AdCreative, HouseCreativeItem } from '@megicai/contracts';
import { AdCreativeRecord } from '../entities/ad-creative.entity';
import type { AdTierSetting } from '../entities/ad-tier.entity';
import type { AdNetwork, StoredCreative } from './ad-network.interface';

const PLACEHOLDER: Omit<HouseCreativeItem, 'seconds'> = {
  id: 'placeholder',
  kind: 'html',
  title: 'MegicAI',
  src: '<!doctype html><html lang="en"><title>MegicAI</title><body style="font-family:sans-serif;display:grid;place-items:center;height:100vh;margin:0"><h1>MegicAI</h1></body></html>',
  clickUrl: 'about:blank',
};

/** Our own creatives, stored in `ad_creatives`; a long tier chains several until its seconds are covered. */
@Injectable()
export class HouseNetwork implements AdNetwork {
  readonly id = 'house' as const;

  constructor(@InjectRepository(AdCreativeRecord) private readonly creatives: Repository<AdCreativeRecord>) {}

  available(): boolean {
    return true;
  }

  async creativeFor(tier: AdTierSetting): Promise<{ creative: StoredCreative; requiredSeconds: number }> {
    const pool = await this.creatives.find({ where: { active: true }, select: { id: true, seconds: true } });
    return { creative: { network: 'house', items: chain(shuffle(pool), tier.seconds) }, requiredSeconds: tier.seconds };
  }

  /** A creative retired since the session started shows as a neutral placeholder for its seconds. */
  async present(creative: StoredCreative): Promise<AdCreative> {
    if (creative.network !== 'house') throw new Error(`not a house creative: ${creative.network}`);
    const ids = [...new Set(creative.items.map((i) => i.id))];
    const rows = ids.length ? await this.creatives.findBy({ id: In(ids) }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return {
      network: 'house',
      items: creative.items.map(({ id, seconds }) => {
        const c = byId.get(id);
        return c
          ? { id: c.id, kind: c.kind, title: c.title, src: c.src, clickUrl: c.clickUrl, seconds }
          : { ...PLACEHOLDER, seconds };
      }),
    };
  }
}

/** Creatives in turn until the seconds are filled; the last one is cut to fit. Empty pool → one placeholder. */
export function chain(
  pool: Pick<AdCreativeRecord, 'id' | 'seconds'>[],
  seconds: number,
): { id: string; seconds: number }[] {
  if (pool.length === 0) return [{ id: PLACEHOLDER.id, seconds }];
  const items: { id: string; seconds: number }[] = [];
  for (let left = seconds, i = 0; left > 0; i++) {
    const c = pool[i % pool.length];
    const shown = Math.min(c.seconds, left);
    items.push({ id: c.id, seconds: shown });
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
