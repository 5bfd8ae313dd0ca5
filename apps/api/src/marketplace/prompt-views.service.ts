import { Injectable } from '@nestjs/common';
import type { PromptCreator, PromptTemplateView } from '@megicai/contracts';
import { UsersService } from '../users/users.service';
import { PromptTemplate } from './entities/prompt-template.entity';

export interface ViewOptions {
  /** Show the template text (its creator and admins only: the text is what runs are paid for). */
  withText?: (row: PromptTemplate) => boolean;
  myRatings?: Map<string, { stars: number; review: string | null }>;
}

/** Public names change rarely; a minute of staleness saves a user lookup per creator on every listed page. */
const NAME_TTL_MS = 60_000;
const NAME_CACHE_MAX = 10_000;

/** Shapes template rows for the API, with the creators' public names (read through UsersService). */
@Injectable()
export class PromptViewsService {
  private readonly names = new Map<string, { creator: PromptCreator; at: number }>();

  constructor(private readonly users: UsersService) {}

  async creators(ids: string[]): Promise<Map<string, PromptCreator>> {
    const now = Date.now();
    const result = new Map<string, PromptCreator>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = this.names.get(id);
      if (hit && now - hit.at < NAME_TTL_MS) result.set(id, hit.creator);
      else missing.push(id);
    }
    const users = await Promise.all(missing.map((id) => this.users.findById(id)));
    missing.forEach((id, i) => {
      const creator = { id, displayName: users[i]?.displayName ?? 'Deleted user' };
      result.set(id, creator);
      if (this.names.size >= NAME_CACHE_MAX) this.names.delete(this.names.keys().next().value as string);
      this.names.set(id, { creator, at: now });
    });
    return result;
  }

  async many(rows: PromptTemplate[], options: ViewOptions = {}): Promise<PromptTemplateView[]> {
    const creators = await this.creators(rows.map((r) => r.creatorId));
    return rows.map((row) => PromptViewsService.view(row, creators.get(row.creatorId)!, options));
  }

  async one(row: PromptTemplate, options: ViewOptions = {}): Promise<PromptTemplateView> {
    return (await this.many([row], options))[0];
  }

  static view(row: PromptTemplate, creator: PromptCreator, options: ViewOptions): PromptTemplateView {
    const view: PromptTemplateView = {
      id: row.id,
      title: row.title,
      description: row.description,
      toolId: row.toolId,
      toolKind: row.toolKind,
      creator,
      variables: row.variables,
      ratingAvg: row.ratingCount ? Math.round((row.ratingSum / row.ratingCount) * 100) / 100 : null,
      ratingCount: row.ratingCount,
      uses: row.uses,
      tags: row.tags,
      version: row.version,
      status: row.status,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
    if (options.withText?.(row)) view.template = row.template;
    if (options.myRatings) view.myRating = options.myRatings.get(row.id) ?? null;
    return view;
  }
}
