import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  type AdNetworkId,
  type AdOffer,
  type AdSessionView,
  type AdStatus,
  type AdTier,
  toCredits,
} from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { AdsException } from './ads.exception';
import { eventCte } from '../analytics-events/analytics-events.sql';
import { retryAfter } from '../common/errors/app.exception';
import { adsConfig } from '../config/ads.config';
import { UsersService } from '../users/users.service';
import { AdRewardsService } from './ad-rewards.service';
import { AdTiersService } from './ad-tiers.service';
import { AdWaterfallService } from './ad-waterfall.service';
import { UTC_DAY_START, isUniqueViolation, secondsUntilUtcMidnight } from './ads.sql';
import { AdSession } from './entities/ad-session.entity';
import type { AdTierSetting } from './entities/ad-tier.entity';

/** What a 402 offers (credits as decimals, as in GET /ads/offers). */
export interface AdOfferFor {
  tier: AdTier;
  seconds: number;
  credits: number;
  remainingToday: number;
}

interface SessionClock {
  remaining: number;
  expired: boolean;
  /** An interactive creative is still owed its `seen` report (and no other network filled). */
  unengaged: boolean;
}

/** How a session is asked for: a duration of the tier, what the client can play, a network to try first. */
export interface AdSessionOptions {
  seconds?: number;
  interactive?: boolean;
  prefer?: AdNetworkId;
}

/**
 * Rewarded ads. The server is the clock: a session records when it started (database time), `complete` pays only
 * after the required seconds, once — a row lock plus the ledger's unique (user, ad_reward, session) reference.
 */
@Injectable()
export class AdsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(adsConfig.KEY) private readonly cfg: ConfigType<typeof adsConfig>,
    private readonly tiers: AdTiersService,
    private readonly users: UsersService,
    private readonly rewards: AdRewardsService,
    private readonly waterfall: AdWaterfallService,
  ) {}

  /** True while the user's premium runs: premium accounts are never shown ads. */
  async isPremium(userId: string): Promise<boolean> {
    const user = await this.users.findById(userId);
    return Boolean(user?.premiumUntil && user.premiumUntil.getTime() > Date.now());
  }

  /** Every tier and duration with what is left today for this user (a cap per tier); empty for premium users. */
  async offers(userId: string): Promise<AdOffer[]> {
    if (await this.isPremium(userId)) return [];
    const [tiers, done] = await Promise.all([this.tiers.durations(), this.completedTodayByTier(userId)]);
    return tiers.map((t) => ({
      tier: t.tier,
      seconds: t.seconds,
      credits: toCredits(t.credits),
      remainingToday: Math.max(0, t.dailyCap - (done.get(t.tier) ?? 0)),
    }));
  }

  /**
   * The ad to offer when a user lacks `neededMilli` milli-credits: the smallest tier that covers it (else the largest),
   * preferring tiers with views left today. `credits` is in credits (decimal), as shown to clients. Null for premium.
   */
  async offerFor(userId: string, neededMilli: number): Promise<AdOfferFor | null> {
    const offers = await this.offers(userId);
    if (offers.length === 0) return null;
    const open = offers.filter((o) => o.remainingToday > 0);
    // By what they pay: a tier's longer durations pay more, and may pass another tier's standard one.
    const pool = (open.length > 0 ? open : offers).sort((a, b) => a.credits - b.credits);
    const covering = pool.find((o) => o.credits * 1000 >= neededMilli);
    const pick = covering ?? pool[pool.length - 1];
    return { tier: pick.tier, seconds: pick.seconds, credits: pick.credits, remainingToday: pick.remainingToday };
  }

  async status(userId: string): Promise<AdStatus> {
    const premium = await this.isPremium(userId);
    const [tiers, totals, open] = await Promise.all([
      this.tiers.list(),
      this.dataSource.query(
        `SELECT count(*)::int AS watched, coalesce(sum(credits), 0)::bigint AS credits FROM ad_sessions
          WHERE user_id = $1 AND status = 'completed' AND completed_at >= ${UTC_DAY_START}`,
        [userId],
      ) as Promise<{ watched: number; credits: string }[]>,
      this.dataSource.manager.findOne(AdSession, { where: { userId, status: 'open' } }),
    ]);
    const active = open && open.expiresAt.getTime() > Date.now() ? await this.waterfall.view(open) : undefined;
    return {
      watchedToday: totals[0].watched,
      creditsToday: toCredits(totals[0].credits),
      dailyCap: premium ? 0 : tiers.reduce((sum, t) => sum + t.dailyCap, 0),
      premium,
      ...(active ? { activeSession: active } : {}),
    };
  }

  /** Issues a session for one duration of `tier`, replacing the user's open one. */
  async start(
    userId: string,
    tierName: AdTier,
    clientAddress: string,
    opts: AdSessionOptions = {},
  ): Promise<AdSessionView> {
    if (await this.isPremium(userId)) {
      throw new AdsException(
        ProblemCode.PremiumNoAds,
        'Premium accounts are ad-free: there are no ads to watch while premium lasts.',
      );
    }
    const tier = await this.tiers.duration(tierName, opts.seconds);
    await this.checkCaps(this.dataSource.manager, userId, tier, clientAddress);
    if (opts.prefer && !this.waterfall.available(opts.prefer)) {
      throw new AdsException('validation_failed', `The ad network "${opts.prefer}" is not available.`, {
        errors: [{ field: 'network', message: 'not available' }],
      });
    }
    const plan = await this.waterfall.build(
      { seconds: tier.seconds, interactive: opts.interactive === true },
      opts.prefer,
    );
    for (let attempt = 0; ; attempt++) {
      try {
        const session = await this.dataSource.transaction(async (m) => {
          await this.lockUser(m, userId);
          await m.query(`UPDATE ad_sessions SET status = 'replaced' WHERE user_id = $1 AND status = 'open'`, [userId]);
          const rows: { id: string }[] = await m.query(
            `WITH session AS (
               INSERT INTO ad_sessions (user_id, tier, network, required_seconds, credits, creative, client_address,
                                        status, started_at, expires_at, networks, needs_engagement)
               VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', now(), now() + make_interval(secs => $4::int + $8::int), $9, $10)
               RETURNING id, user_id, tier
             ), ${eventCte('ad_event', 'ad_started', 'session', { user_id: 'user_id', kind: 'tier' })}
             SELECT id FROM session`,
            [
              userId,
              tier.tier,
              plan.networks[0],
              tier.seconds,
              tier.credits,
              JSON.stringify(plan.creatives),
              clientAddress,
              this.cfg.sessionGraceSeconds,
              JSON.stringify(plan.networks),
              plan.needsEngagement,
            ],
          );
          return m.findOneByOrFail(AdSession, { id: rows[0].id });
        });
        return this.waterfall.view(session);
      } catch (error) {
        // The partial unique index is the backstop behind the lock: start again over the winner.
        if (!isUniqueViolation(error) || attempt >= 2) throw error;
      }
    }
  }

  /** Pays for a watched session once; 404 not yours, 409 done or replaced, 410 expired, 425 too early. */
  async complete(userId: string, sessionId: string): Promise<{ granted: number; balance: number }> {
    if (!UUID.test(sessionId)) throw new AdsException(ProblemCode.NotFound, 'There is no such ad session.');
    // Read before the transaction: inside it, every query must use its connection (parallel claims queue on a lock
    // while holding theirs, so borrowing a second connection from the pool could wait forever).
    const tiers = await this.tiers.list();
    const paid = await this.dataSource.transaction(async (m) => {
      const session = await this.lockSession(m, userId, sessionId);
      const clock = await this.clock(m, session.id);
      if (session.status === 'completed')
        throw new AdsException(ProblemCode.AlreadyClaimed, 'This ad session was already claimed.');
      if (session.status === 'replaced')
        throw new AdsException(ProblemCode.Conflict, 'This ad session was replaced by a newer one.');
      if (session.status === 'expired' || clock.expired) {
        throw new AdsException(
          ProblemCode.AdSessionExpired,
          'This ad session has expired: start a new ad to earn credits.',
        );
      }
      if (clock.remaining > 0) {
        throw new AdsException(ProblemCode.AdTooEarly, `The ad is not finished yet: ${clock.remaining} s to go.`, {
          extensions: {
            remainingSeconds: clock.remaining,
          },
        });
      }
      if (clock.unengaged) {
        throw new AdsException(
          ProblemCode.AdNotEngaged,
          'The interactive ad has not reported that it was seen in a visible tab yet: keep it on screen.',
        );
      }
      const tier = tiers.find((x) => x.tier === session.tier);
      if (tier) await this.checkCaps(m, userId, tier, session.clientAddress);
      return this.finish(m, session);
    });
    return { granted: toCredits(paid.granted), balance: toCredits(paid.balance) };
  }

  /**
   * A verified S2S reward for a session: the network vouches that the ad played, so its clock is not checked.
   * `record` stores the network's transaction and answers false when it was seen before (then nothing is paid).
   * Returns null when nothing was paid: a replay, or a session already claimed from the SPA.
   */
  async completeFromNetwork(
    userId: string,
    sessionId: string,
    record: (m: EntityManager) => Promise<boolean>,
  ): Promise<{ granted: number; balance: number } | null> {
    if (!UUID.test(userId) || !UUID.test(sessionId))
      throw new AdsException(ProblemCode.NotFound, 'There is no such ad session.');
    return this.dataSource.transaction(async (m) => {
      const session = await this.lockSession(m, userId, sessionId);
      if (!(await record(m)) || session.status === 'completed') return null;
      const paid = await this.finish(m, session);
      return { granted: toCredits(paid.granted), balance: toCredits(paid.balance) };
    });
  }

  /** Sessions started between two instants per tier, and how many of those were completed (admin analytics). */
  async sessionStats(from: Date, to: Date): Promise<{ tier: AdTier; started: number; completed: number }[]> {
    const rows: { tier: AdTier; started: string; completed: string }[] = await this.dataSource.query(
      `SELECT tier, count(*) AS started, count(*) FILTER (WHERE status = 'completed') AS completed
         FROM ad_sessions WHERE started_at >= $1 AND started_at < $2 GROUP BY tier`,
      [from, to],
    );
    return rows.map((r) => ({ tier: r.tier, started: Number(r.started), completed: Number(r.completed) }));
  }

  private async finish(m: EntityManager, session: AdSession) {
    await m.query(
      `WITH session AS (
         UPDATE ad_sessions SET status = 'completed', completed_at = now() WHERE id = $1 RETURNING user_id, tier
       ), ${eventCte('ad_event', 'ad_completed', 'session', { user_id: 'user_id', kind: 'tier' })}
       SELECT 1 FROM session`,
      [session.id],
    );
    return this.rewards.pay(m, session);
  }

  /** Locks the row so that parallel claims of one session queue up and the second sees it completed. */
  private async lockSession(m: EntityManager, userId: string, sessionId: string): Promise<AdSession> {
    await this.lockUser(m, userId);
    const session = await m
      .getRepository(AdSession)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :sessionId AND s.user_id = :userId', { sessionId, userId })
      .getOne();
    if (!session) throw new AdsException(ProblemCode.NotFound, 'There is no such ad session.');
    return session;
  }

  /** One start or claim per user at a time, so that caps and "one open session" hold under parallel requests. */
  private async lockUser(m: EntityManager, userId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('ads:' || $1::text))`, [userId]);
  }

  private async clock(m: EntityManager, sessionId: string): Promise<SessionClock> {
    const rows: SessionClock[] = await m.query(
      `SELECT greatest(0, ceil(extract(epoch FROM started_at + make_interval(secs => required_seconds) - now())))::int AS remaining,
              now() > expires_at AS expired,
              (needs_engagement AND engaged_at IS NULL AND NOT EXISTS (
                 SELECT 1 FROM ad_impressions i WHERE i.session_id = s.id AND i.filled AND i.network <> 'house')) AS unengaged
         FROM ad_sessions s WHERE id = $1`,
      [sessionId],
    );
    return rows[0];
  }

  private async checkCaps(
    m: EntityManager,
    userId: string,
    tier: Pick<AdTierSetting, 'tier' | 'dailyCap'>,
    address: string,
  ): Promise<void> {
    const rows: { tier_done: number; address_done: number }[] = await m.query(
      `SELECT (SELECT count(*) FROM ad_sessions WHERE user_id = $1 AND tier = $2 AND status = 'completed'
                 AND completed_at >= ${UTC_DAY_START})::int AS tier_done,
              (SELECT count(*) FROM ad_sessions WHERE client_address = $3 AND status = 'completed'
                 AND completed_at >= ${UTC_DAY_START})::int AS address_done`,
      [userId, tier.tier, address],
    );
    const retry = secondsUntilUtcMidnight();
    if (rows[0].tier_done >= tier.dailyCap) {
      throw new AdsException(
        ProblemCode.AdDailyCapReached,
        `Daily cap reached: ${tier.dailyCap} ${tier.tier} ads a day. Come back after midnight UTC.`,
        retryAfter(retry),
      );
    }
    if (rows[0].address_done >= this.cfg.addressDailyCap) {
      throw new AdsException(
        ProblemCode.AdDailyCapReached,
        'Daily cap reached for this network address. Come back after midnight UTC.',
        retryAfter(retry),
      );
    }
  }

  private async completedTodayByTier(userId: string): Promise<Map<string, number>> {
    const rows: { tier: string; n: number }[] = await this.dataSource.query(
      `SELECT tier, count(*)::int AS n FROM ad_sessions
        WHERE user_id = $1 AND status = 'completed' AND completed_at >= ${UTC_DAY_START} GROUP BY tier`,
      [userId],
    );
    return new Map(rows.map((r) => [r.tier, r.n]));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
