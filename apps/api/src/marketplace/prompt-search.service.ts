import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Page, PromptSort, PromptTemplateView, ToolKind } from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { MarketplaceException } from './marketplace.exception';
import { ToolsService } from '../tools/tools.service';
import { PromptTemplate } from './entities/prompt-template.entity';
import { isUuid } from './prompt-errors';
import { PromptRankingService } from './prompt-ranking.service';
import { PromptViewsService } from './prompt-views.service';

export interface PromptSearch {
  q?: string;
  toolId?: string;
  kind?: ToolKind;
  sort?: PromptSort;
  limit: number;
  cursor?: string;
}

/** Each sort reads its own partial index: (key DESC, id DESC) over published templates. */
const SORT_KEYS: Record<PromptSort, { column: string; cast: string }> = {
  top: { column: 'top_score', cast: 'float8' },
  new: { column: 'published_at', cast: 'timestamptz' },
  popular: { column: 'runs_30d', cast: 'int' },
};

type CursorKey = number | string;

/** Opaque keyset cursor: the sort, the last row's sort key and its id, so that every sort pages without OFFSET. */
function encodeSearchCursor(sort: PromptSort, key: CursorKey, id: string): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString('base64url');
}

function decodeSearchCursor(sort: PromptSort, cursor: string | undefined): { key: CursorKey; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [s, key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, CursorKey, string];
    const keyOk = sort === 'new' ? typeof key === 'string' && !Number.isNaN(Date.parse(key)) : Number.isFinite(key);
    if (s === sort && keyOk && typeof id === 'string' && isUuid(id)) return { key, id };
  } catch {
    // fall through to the 400
  }
  throw new MarketplaceException(ProblemCode.InvalidCursor, 'The cursor is not valid for this sort.', {
    errors: [{ field: 'cursor', message: 'invalid cursor' }],
  });
}

/** Browsing and full text search over published templates. */
@Injectable()
export class PromptSearchService {
  constructor(
    @InjectRepository(PromptTemplate) private readonly templates: Repository<PromptTemplate>,
    private readonly tools: ToolsService,
    private readonly ranking: PromptRankingService,
    private readonly views: PromptViewsService,
  ) {}

  async search(query: PromptSearch): Promise<Page<PromptTemplateView>> {
    const sort = query.sort ?? 'top';
    const after = decodeSearchCursor(sort, query.cursor);
    const { column, cast } = SORT_KEYS[sort];
    if (sort === 'top') await this.ranking.prior();
    if (sort === 'popular') this.ranking.refreshPopularSoon();

    // The literal predicate matches the partial indexes' WHERE clause, so the planner can use them.
    const qb = this.templates
      .createQueryBuilder('t')
      .where(`t.status = 'published' AND t.deleted_at IS NULL`)
      .orderBy(`t.${column}`, 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(query.limit + 1);
    const q = query.q?.trim();
    if (q) qb.andWhere(`t.search @@ websearch_to_tsquery('english', :q)`, { q });
    if (query.toolId) {
      const toolId = isUuid(query.toolId) ? query.toolId : (await this.tools.findById(query.toolId))?.id;
      if (!toolId) return { items: [], nextCursor: null };
      qb.andWhere('t.tool_id = :toolId', { toolId });
    }
    if (query.kind) qb.andWhere('t.tool_kind = :kind', { kind: query.kind });
    if (after)
      qb.andWhere(`(t.${column}, t.id) < (CAST(:key AS ${cast}), CAST(:id AS uuid))`, { key: after.key, id: after.id });

    const rows = await qb.getMany();
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > query.limit && last ? encodeSearchCursor(sort, this.keyOf(sort, last), last.id) : null;
    return { items: await this.views.many(items), nextCursor };
  }

  private keyOf(sort: PromptSort, row: PromptTemplate): CursorKey {
    if (sort === 'new') return (row.publishedAt ?? row.createdAt).toISOString();
    return sort === 'top' ? row.topScore : row.runs30d;
  }
}
