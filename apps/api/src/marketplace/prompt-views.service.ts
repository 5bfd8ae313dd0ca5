import { Injectable } from '@nestjs/common';
import type { PromptCreator, PromptTemplateView } from '@megicai/contracts';
import { UsersService } from '../users/users.service';
import { PromptTemplate } from './entities/prompt-template.entity';

export interface ViewOptions {
  /** Show the template text (its creator and admins only: the text is what runs are paid for). */
  withText?: (row: PromptTemplate) => boolean;
  myRatings?: Map<string, { stars: number; review: string | null }>;
}

/** Shapes template rows for the API, with the creators' public names (read through UsersService). */
@Injectable()
export class PromptViewsService {
  constructor(private readonly users: UsersService) {}

  async creators(ids: string[]): Promise<Map<string, PromptCreator>> {
    const unique = [...new Set(ids)];
    const users = await Promise.all(unique.map((id) => this.users.findById(id)));
    return new Map(unique.map((id, i) => [id, { id, displayName: users[i]?.displayName ?? 'Deleted user' }]));
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
