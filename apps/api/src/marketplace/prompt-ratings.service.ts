import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page, PromptRatingView } from '@megicai/contracts';
import type { Principal } from '../common/auth/principal';
import { ProblemCode } from '@megicai/contracts';
import { MarketplaceException } from './marketplace.exception';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { PromptTemplate } from './entities/prompt-template.entity';
import { isUuid, templateNotFound } from './prompt-errors';
import { PromptRankingService } from './prompt-ranking.service';
import { PromptTemplatesService } from './prompt-templates.service';
import { PromptViewsService } from './prompt-views.service';

type Viewer = Pick<Principal, 'userId' | 'role'>;

interface RatingRow {
  template_id: string;
  user_id: string;
  stars: number;
  review: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Ratings: one per user and template (a second replaces the first), never on one's own template. */
@Injectable()
export class PromptRatingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly templates: PromptTemplatesService,
    private readonly ranking: PromptRankingService,
    private readonly views: PromptViewsService,
  ) {}

  async rate(id: string, viewer: Viewer, stars: number, review: string | undefined): Promise<PromptRatingView> {
    const row = await this.dataSource.transaction(async (m) => {
      // The template row lock serialises ratings of one template, so its counters are recounted exactly.
      const template = isUuid(id)
        ? await m.getRepository(PromptTemplate).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!template || template.deletedAt) throw templateNotFound();
      if (template.creatorId === viewer.userId)
        throw new MarketplaceException(ProblemCode.OwnTemplate, 'You cannot rate your own template.');
      // Only published templates can be rated: a draft or hidden one is not there for anyone else.
      if (template.status !== 'published') throw templateNotFound();
      // Set from JavaScript so the timestamp has millisecond precision, like the keyset cursors.
      const now = new Date();
      const [saved]: RatingRow[] = await m.query(
        `INSERT INTO prompt_ratings (template_id, user_id, stars, review, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (template_id, user_id) DO UPDATE SET stars = EXCLUDED.stars, review = EXCLUDED.review,
           updated_at = EXCLUDED.updated_at
         RETURNING *`,
        [template.id, viewer.userId, stars, review?.trim() || null, now],
      );
      await this.ranking.rescore(m, template.id);
      return saved;
    });
    const creators = await this.views.creators([row.user_id]);
    return this.view(row, creators.get(row.user_id)!);
  }

  /** Reviews of a visible template, most recent first. */
  async list(id: string, viewer: Viewer, limit: number, cursor?: string): Promise<Page<PromptRatingView>> {
    const template = await this.templates.findVisible(id, viewer);
    const after = decodeCursor(cursor);
    const rows: RatingRow[] = await this.dataSource.query(
      `SELECT * FROM prompt_ratings WHERE template_id = $1
          AND ($2::timestamptz IS NULL OR (updated_at, user_id) < ($2::timestamptz, $3::uuid))
        ORDER BY updated_at DESC, user_id DESC LIMIT $4`,
      [template.id, after?.createdAt ?? null, after?.id ?? null, limit + 1],
    );
    const creators = await this.views.creators(rows.map((r) => r.user_id));
    const page = toPage(
      rows.map((r) => ({ createdAt: r.updated_at, id: r.user_id, row: r })),
      limit,
      (k) => this.view(k.row, creators.get(k.row.user_id)!),
    );
    return page;
  }

  private view(row: RatingRow, user: { id: string; displayName: string }): PromptRatingView {
    return {
      templateId: row.template_id,
      user,
      stars: Number(row.stars),
      review: row.review,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}
