import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import Redis from 'ioredis';
import {
  type LeaderboardBoard,
  type LeaderboardEntry,
  type LeaderboardPeriod,
  type LeaderboardView,
  toCredits,
} from '@megicai/contracts';
import { redisConfig } from '../config/redis.config';
import { MarketplaceService } from '../marketplace/marketplace.service';
import { REDIS } from '../redis/redis.module';
import { UsersService } from '../users/users.service';

const DAY_MS = 86_400_000;
const WINDOW_DAYS: Record<LeaderboardPeriod, number | null> = { week: 7, month: 30, all: null };
/** Boards are aggregates over whole tables: a short cache keeps a busy page from re-running them on every view. */
export const LEADERBOARD_CACHE_SECONDS = 30;

interface Scored {
  userId: string;
  value: number;
}

/** Ranked boards built from the users (referrals) and marketplace (earnings) services. */
@Injectable()
export class LeaderboardService {
  private readonly logger = new Logger(LeaderboardService.name);

  constructor(
    private readonly users: UsersService,
    private readonly marketplace: MarketplaceService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(redisConfig.KEY) private readonly redisCfg: ConfigType<typeof redisConfig>,
  ) {}

  async board(board: LeaderboardBoard, period: LeaderboardPeriod, limit: number): Promise<LeaderboardView> {
    const key = `${this.redisCfg.prefix}:leaderboard:${board}:${period}:${limit}`;
    const cached = await this.redis.get(key).catch(() => null);
    if (cached) return JSON.parse(cached) as LeaderboardView;
    const view = await this.compute(board, period, limit);
    await this.redis
      .set(key, JSON.stringify(view), 'EX', LEADERBOARD_CACHE_SECONDS)
      .catch((error: unknown) => this.logger.warn(`leaderboard cache write failed: ${String(error)}`));
    return view;
  }

  private async compute(board: LeaderboardBoard, period: LeaderboardPeriod, limit: number): Promise<LeaderboardView> {
    const days = WINDOW_DAYS[period];
    const since = days === null ? null : new Date(Date.now() - days * DAY_MS);
    const scored: Scored[] =
      board === 'referrers'
        ? (await this.users.topReferrers(since, limit)).map((r) => ({ userId: r.userId, value: r.referred }))
        : (await this.marketplace.topCreators(since, limit)).map((c) => ({
            userId: c.creatorId,
            value: toCredits(c.earnings),
          }));
    const names = await this.users.displayNames(scored.map((s) => s.userId));
    return {
      period,
      board,
      since: since?.toISOString() ?? null,
      entries: rank(scored).map((e) => ({ ...e, displayName: names.get(e.userId) ?? 'Former member' })),
    };
  }
}

/** Competition ranking over rows already sorted by value, highest first. */
export function rank(rows: Scored[]): Omit<LeaderboardEntry, 'displayName'>[] {
  return rows.map((row, i) => {
    let first = i;
    while (first > 0 && rows[first - 1].value === row.value) first--;
    return { rank: first + 1, userId: row.userId, value: row.value };
  });
}
