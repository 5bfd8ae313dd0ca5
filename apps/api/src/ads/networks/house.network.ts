import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { AdCreative, HouseCreativeItem } from '@megicai/contracts';
import { AdCreativeRecord } from '../entities/ad-creative.entity';
import type { AdNetwork, AdRequest, StoredCreative } from './ad-network.interface';

/** Where an interactive creative's frame is served (AdCreativesController), relative to the SPA's origin. */
export const creativeFrameUrl = (id: string) => `/api/v1/ads/creatives/${id}/frame`;

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

  /**
   * Interactive creatives only go to clients that can play them, and then lead the chain: they are the ones that
   * prove a person looked (the session then needs their `seen` report). The others come in a random order drawn by
   * weight. No cache: one indexed read of the active rows per session start, so that an admin's change (weight,
   * enabled) holds for the very next session in every process.
   */
  async creativeFor({ seconds, interactive }: AdRequest): Promise<StoredCreative> {
    const all = await this.creatives.find({
      where: { active: true },
      select: { id: true, seconds: true, interactive: true, weight: true },
    });
    const pool = weightedOrder(all.filter((c) => !c.interactive));
    const lead = interactive ? weightedOrder(all.filter((c) => c.interactive)).slice(0, 1) : [];
    const items = chain([...lead, ...pool], seconds).map((item) =>
      lead.some((c) => c.id === item.id) ? { ...item, interactive: true } : item,
    );
    return { network: 'house', items };
  }

  /** The markup of an active interactive creative, for its frame route; null when there is none. */
  async frameMarkup(id: string): Promise<string | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const row = await this.creatives.findOne({ where: { id, interactive: true, active: true }, select: { src: true } });
    return row?.src ?? null;
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
        if (!c) return { ...PLACEHOLDER, seconds };
        const item = { id: c.id, kind: c.kind, title: c.title, src: c.src, clickUrl: c.clickUrl, seconds };
        return c.interactive ? { ...item, src: creativeFrameUrl(c.id), interactive: true } : item;
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

/**
 * A random order in which heavier items tend to come first (Efraimidis–Spirakis: sort by `u^(1/weight)`), so an item
 * leads with probability weight / total weight.
 */
export function weightedOrder<T extends { weight: number }>(items: T[], random: () => number = Math.random): T[] {
  return items
    .map((item) => ({ item, key: random() ** (1 / Math.max(1, item.weight)) }))
    .sort((a, b) => b.key - a.key)
    .map(({ item }) => item);
}
