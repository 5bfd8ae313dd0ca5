import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { marketplaceConfig } from '../config/marketplace.config';

/** The neutral middle of the 1–5 scale, and how many votes it weighs in the global prior. */
const NEUTRAL_STARS = 3;
const NEUTRAL_WEIGHT = 50;
const PRIOR_TTL_MS = 5 * 60_000;
const POPULAR_REFRESH_MS = 10 * 60_000;

export interface RatingPrior {
  /** m: the prior mean. */
  mean: number;
  /** C: how many votes the prior counts for. */
  weight: number;
}

/**
 * Keeps the stored sort keys of `top` and `popular` right, so that both sorts read an index instead of computing a
 * score per row per query.
 *
 * `top` is the Bayesian average (C·m + Σstars) / (C + n). m is the global mean of all ratings, shrunk toward 3 stars
 * while there are few ratings overall: with the plain global mean, a catalogue whose only votes are a hundred 4.8s
 * would have m ≈ 4.8 and a single 5 would outrank them. Each rating updates its template's score; when m drifts, all
 * scores are recomputed in one statement.
 *
 * `popular` is the number of runs in the last 30 days: each paid run increments it, and a periodic recount drops
 * runs that have aged out.
 */
@Injectable()
export class PromptRankingService implements OnApplicationShutdown {
  private readonly logger = new Logger(PromptRankingService.name);
  private cached: { prior: RatingPrior; at: number } | null = null;
  private appliedMean: number | null = null;
  private popularRefreshedAt = 0;
  private rescoring: Promise<void> | null = null;
  private recounting: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(marketplaceConfig.KEY) private readonly config: ConfigType<typeof marketplaceConfig>,
  ) {}

  async prior(): Promise<RatingPrior> {
    if (this.cached && Date.now() - this.cached.at < PRIOR_TTL_MS) return this.cached.prior;
    const [row]: { sum: string; count: string }[] = await this.dataSource.query(
      `SELECT coalesce(sum(rating_sum), 0) AS sum, coalesce(sum(rating_count), 0) AS count FROM prompt_templates`,
    );
    const mean = (Number(row.sum) + NEUTRAL_STARS * NEUTRAL_WEIGHT) / (Number(row.count) + NEUTRAL_WEIGHT);
    const prior = { mean: Math.round(mean * 1000) / 1000, weight: this.config.ratingPriorWeight };
    this.cached = { prior, at: Date.now() };
    if (this.appliedMean === null) this.appliedMean = prior.mean;
    else if (Math.abs(this.appliedMean - prior.mean) >= 0.001) this.rescoreAll(prior);
    return prior;
  }

  /** The SQL that sets `top_score` from the rating counters, given a prior. */
  static scoreSql(prior: RatingPrior, sum = 'rating_sum', count = 'rating_count'): string {
    // Both numbers come from our own config and arithmetic, never from a request.
    const c = Number(prior.weight);
    const m = Number(prior.mean);
    return `(${c} * ${m} + ${sum})::float8 / (${c} + ${count})`;
  }

  /** Recounts a template's ratings and its `top` score, inside the caller's transaction. */
  async rescore(manager: EntityManager, templateId: string): Promise<void> {
    const prior = await this.prior();
    await manager.query(
      `UPDATE prompt_templates t SET rating_count = s.n, rating_sum = s.total, top_score = ${PromptRankingService.scoreSql(prior, 's.total', 's.n')}
         FROM (SELECT count(*)::int AS n, coalesce(sum(stars), 0)::int AS total FROM prompt_ratings WHERE template_id = $1) s
        WHERE t.id = $1`,
      [templateId],
    );
  }

  private rescoreAll(prior: RatingPrior): void {
    if (this.rescoring) return;
    const score = PromptRankingService.scoreSql(prior);
    this.rescoring = this.dataSource
      .query(`UPDATE prompt_templates SET top_score = ${score} WHERE top_score IS DISTINCT FROM ${score}`)
      .then(() => {
        this.appliedMean = prior.mean;
      })
      .catch((error: unknown) => this.logger.warn(`rescoring templates failed: ${String(error)}`))
      .finally(() => {
        this.rescoring = null;
      });
  }

  /** Drops aged-out runs from `runs_30d`, at most every few minutes; the caller does not wait for it. */
  refreshPopularSoon(): void {
    if (Date.now() - this.popularRefreshedAt < POPULAR_REFRESH_MS) return;
    this.popularRefreshedAt = Date.now();
    // A run committed while this statement runs may be missed once; the next recount counts it again.
    this.recounting = this.dataSource
      .query(
        `UPDATE prompt_templates t SET runs_30d = c.n
           FROM (SELECT t2.id, count(r.job_id)::int AS n
                   FROM prompt_templates t2
                   LEFT JOIN prompt_runs r ON r.template_id = t2.id AND r.created_at > now() - interval '30 days'
                  WHERE t2.runs_30d > 0 GROUP BY t2.id) c
          WHERE t.id = c.id AND t.runs_30d <> c.n`,
      )
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn(`recounting popular templates failed: ${String(error)}`));
  }

  /** Lets a background statement finish before the pool closes. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.rescoring, this.recounting]);
  }
}
