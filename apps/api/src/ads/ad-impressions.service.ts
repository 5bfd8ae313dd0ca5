import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AdImpressionRequest, type AdNetworkId, type AdPerformanceReport, ProblemCode } from '@megicai/contracts';
import { adsConfig } from '../config/ads.config';
import { AdsException } from './ads.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MICRO = 1_000_000;

/**
 * What each network of a session's waterfall did (one row per session and network: fill or no-fill, the creative,
 * the seconds and an estimated revenue from the network's eCPM), the `seen` report of interactive creatives, and the
 * admin's fill-rate and revenue report over them.
 */
@Injectable()
export class AdImpressionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(adsConfig.KEY) private readonly cfg: ConfigType<typeof adsConfig>,
  ) {}

  /** Records a network's answer once (a repeat is ignored); a fill also marks the session's network. */
  async record(userId: string, sessionId: string, body: AdImpressionRequest): Promise<void> {
    const session = await this.openSession(userId, sessionId);
    if (!session.networks.includes(body.network)) {
      throw new AdsException(ProblemCode.ValidationFailed, `"${body.network}" is not in this session's waterfall.`, {
        errors: [{ field: 'network', message: 'not in the waterfall' }],
      });
    }
    const revenue = body.filled ? Math.round((this.ecpm(body.network) * MICRO) / 1000) : 0;
    await this.dataSource.transaction(async (m) => {
      const rows: unknown[] = await m.query(
        `INSERT INTO ad_impressions (session_id, network, creative_id, seconds, filled, revenue_micro_usd)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (session_id, network) DO NOTHING RETURNING id`,
        [sessionId, body.network, body.creativeId ?? null, body.filled ? session.seconds : 0, body.filled, revenue],
      );
      if (rows.length && body.filled) {
        await m.query(`UPDATE ad_sessions SET network = $2 WHERE id = $1`, [sessionId, body.network]);
      }
    });
  }

  /** The interactive creative was seen in a visible tab (the SPA checked the message came from its iframe). */
  async engage(userId: string, sessionId: string): Promise<void> {
    await this.openSession(userId, sessionId);
    await this.dataSource.query(`UPDATE ad_sessions SET engaged_at = coalesce(engaged_at, now()) WHERE id = $1`, [
      sessionId,
    ]);
  }

  /** Fill rate and estimated revenue by network and by creative, over impressions recorded in [from, to). */
  async performance(from: Date, to: Date): Promise<AdPerformanceReport> {
    const [networks, creatives] = await Promise.all([
      this.dataSource.query(
        `SELECT network, count(*)::int AS requests, count(*) FILTER (WHERE filled)::int AS filled,
                coalesce(sum(revenue_micro_usd), 0)::bigint AS revenue
           FROM ad_impressions WHERE created_at >= $1 AND created_at < $2 GROUP BY network ORDER BY network`,
        [from, to],
      ) as Promise<{ network: AdNetworkId; requests: number; filled: number; revenue: string }[]>,
      this.dataSource.query(
        `SELECT i.network, i.creative_id, c.title, count(*)::int AS impressions, sum(i.seconds)::int AS seconds,
                coalesce(sum(i.revenue_micro_usd), 0)::bigint AS revenue
           FROM ad_impressions i LEFT JOIN ad_creatives c ON c.id::text = i.creative_id
          WHERE i.filled AND i.created_at >= $1 AND i.created_at < $2
          GROUP BY i.network, i.creative_id, c.title ORDER BY revenue DESC, impressions DESC`,
        [from, to],
      ) as Promise<
        {
          network: AdNetworkId;
          creative_id: string | null;
          title: string | null;
          impressions: number;
          seconds: number;
          revenue: string;
        }[]
      >,
    ]);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      byNetwork: networks.map((r) => ({
        network: r.network,
        requests: r.requests,
        filled: r.filled,
        fillRate: r.requests ? r.filled / r.requests : 0,
        revenue: Number(r.revenue) / MICRO,
      })),
      byCreative: creatives.map((r) => ({
        network: r.network,
        creativeId: r.creative_id,
        title: r.title,
        impressions: r.impressions,
        seconds: r.seconds,
        revenue: Number(r.revenue) / MICRO,
      })),
      currency: 'USD',
    };
  }

  private ecpm(network: AdNetworkId): number {
    return network === 'google-ad-manager' ? this.cfg.ecpmGam : this.cfg.ecpmHouse;
  }

  /** The caller's open session: 404 not yours, 409 done or replaced, 410 expired (as `complete` answers). */
  private async openSession(userId: string, sessionId: string): Promise<{ networks: AdNetworkId[]; seconds: number }> {
    const rows: { networks: AdNetworkId[]; seconds: number; status: string; expired: boolean }[] = UUID.test(sessionId)
      ? await this.dataSource.query(
          `SELECT networks, required_seconds AS seconds, status, now() > expires_at AS expired
             FROM ad_sessions WHERE id = $1 AND user_id = $2`,
          [sessionId, userId],
        )
      : [];
    const s = rows[0];
    if (!s) throw new AdsException(ProblemCode.NotFound, 'There is no such ad session.');
    if (s.status === 'completed')
      throw new AdsException(ProblemCode.AlreadyClaimed, 'This ad session was already claimed.');
    if (s.status !== 'open')
      throw new AdsException(ProblemCode.Conflict, 'This ad session was replaced by a newer one.');
    if (s.expired) throw new AdsException(ProblemCode.AdSessionExpired, 'This ad session has expired.');
    return s;
  }
}
