import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type {
  CreatePromptRequest,
  Page,
  PromptStatus,
  PromptTemplateView,
  PromptVariableInput,
  UpdatePromptRequest,
} from '@megicai/contracts';
import { AuditLogService } from '../audit/audit-log.service';
import type { Principal } from '../common/auth/principal';
import { ProblemCode } from '@megicai/contracts';
import { MarketplaceException } from './marketplace.exception';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { ToolsService } from '../tools/tools.service';
import { PromptTemplateVersion } from './entities/prompt-template-version.entity';
import { PromptTemplate } from './entities/prompt-template.entity';
import { asBadRequest, isUuid, templateNotFound } from './prompt-errors';
import { PromptRankingService } from './prompt-ranking.service';
import { PromptViewsService } from './prompt-views.service';
import { defineVariables, renderTemplate, resolveValues, scanPlaceholders } from './template-syntax';

type Viewer = Pick<Principal, 'userId' | 'role'>;

/** Who may see a template at all: published ones are public; drafts and hidden ones only to the creator and admins. */
export function canSee(row: PromptTemplate, viewer: Viewer): boolean {
  if (row.deletedAt) return false;
  return row.status === 'published' || row.creatorId === viewer.userId || viewer.role === 'admin';
}

/** JSON with sorted keys: jsonb does not keep the key order we wrote. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function normalizeTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))];
}

/** Creating, editing (with version history), publishing and deleting templates; moderation for admins. */
@Injectable()
export class PromptTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(PromptTemplate) private readonly templates: Repository<PromptTemplate>,
    private readonly tools: ToolsService,
    private readonly ranking: PromptRankingService,
    private readonly views: PromptViewsService,
    private readonly audit: AuditLogService,
  ) {}

  private ownerView(row: PromptTemplate): Promise<PromptTemplateView> {
    return this.views.one(row, { withText: () => true });
  }

  async create(creatorId: string, body: CreatePromptRequest): Promise<PromptTemplateView> {
    const tool = await this.tools.findById(body.toolId);
    if (!tool)
      throw new MarketplaceException(ProblemCode.ValidationFailed, 'Unknown tool.', {
        errors: [{ field: 'toolId', message: 'unknown tool' }],
      });
    const variables = this.define(body.template, body.variables);
    const prior = await this.ranking.prior();
    const row = await this.dataSource.transaction(async (m) => {
      const saved = await m.save(
        m.create(PromptTemplate, {
          creatorId,
          toolId: tool.id,
          toolKind: tool.kind,
          title: body.title.trim(),
          description: body.description.trim(),
          tags: normalizeTags(body.tags),
          template: body.template,
          variables,
          status: 'draft',
          version: 1,
          publishedAt: null,
          hiddenAt: null,
          hiddenReason: null,
          ratingCount: 0,
          ratingSum: 0,
          topScore: prior.mean,
          uses: 0,
          runs30d: 0,
          deletedAt: null,
        }),
      );
      await this.snapshot(m, saved);
      return saved;
    });
    return this.ownerView(row);
  }

  /** A template the viewer may see; anything else is a 404, never revealing that it exists. */
  async findVisible(id: string, viewer: Viewer): Promise<PromptTemplate> {
    const row = isUuid(id) ? await this.templates.findOneBy({ id }) : null;
    if (!row || !canSee(row, viewer)) throw templateNotFound();
    return row;
  }

  async get(id: string, viewer: Viewer): Promise<PromptTemplateView> {
    const row = await this.findVisible(id, viewer);
    const mine = await this.dataSource.query(
      `SELECT stars, review FROM prompt_ratings WHERE template_id = $1 AND user_id = $2`,
      [row.id, viewer.userId],
    );
    const myRatings = new Map(mine.length ? [[row.id, mine[0] as { stars: number; review: string | null }]] : []);
    return this.views.one(row, {
      withText: (r) => r.creatorId === viewer.userId || viewer.role === 'admin',
      myRatings,
    });
  }

  /** Locks the caller's own template for a change: 404 when they cannot see it, 403 when it is someone else's. */
  private async lockOwn(m: EntityManager, id: string, viewer: Viewer): Promise<PromptTemplate> {
    const row = isUuid(id)
      ? await m.getRepository(PromptTemplate).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!row || !canSee(row, viewer)) throw templateNotFound();
    if (row.creatorId !== viewer.userId)
      throw new MarketplaceException(ProblemCode.NotYourTemplate, 'Only its creator can change this template.');
    return row;
  }

  /**
   * Edits the caller's template. A draft that was never published is edited in place; once published, each edit
   * is a new version, and the old ones stay in the history (runs record the version they used).
   */
  async update(id: string, viewer: Viewer, patch: UpdatePromptRequest): Promise<PromptTemplateView> {
    const row = await this.dataSource.transaction(async (m) => {
      const current = await this.lockOwn(m, id, viewer);
      const template = patch.template ?? current.template;
      const inputs: PromptVariableInput[] = patch.variables ?? current.variables;
      // Definitions for variables the new text no longer uses are dropped rather than refused.
      const names = new Set(scanPlaceholders(template).map((p) => p.name));
      const used = patch.variables ? inputs : inputs.filter((v) => names.has(v.name));
      const variables = this.define(template, used);
      const next: Partial<PromptTemplate> = {
        title: patch.title?.trim() ?? current.title,
        description: patch.description?.trim() ?? current.description,
        tags: patch.tags ? normalizeTags(patch.tags) : current.tags,
        template,
        variables,
      };
      const unchanged = (Object.keys(next) as (keyof PromptTemplate)[]).every(
        (k) => canonical(next[k]) === canonical(current[k]),
      );
      // An edit that changes nothing is not a new version.
      if (unchanged) return current;
      const newVersion = current.publishedAt !== null;
      Object.assign(current, next, { version: newVersion ? current.version + 1 : current.version });
      const saved = await m.save(current);
      await this.snapshot(m, saved);
      return saved;
    });
    return this.ownerView(row);
  }

  async remove(id: string, viewer: Viewer): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.lockOwn(m, id, viewer);
      // Soft delete: the runs and earnings it produced stay explained.
      await m.update(PromptTemplate, { id: row.id }, { deletedAt: new Date() });
    });
  }

  /** Draft → published. A template hidden by moderation stays hidden (it will be published if an admin restores it). */
  async publish(id: string, viewer: Viewer): Promise<PromptTemplateView> {
    const row = await this.dataSource.transaction(async (m) => {
      const current = await this.lockOwn(m, id, viewer);
      current.publishedAt ??= new Date();
      if (current.status === 'draft') current.status = 'published';
      return m.save(current);
    });
    return this.ownerView(row);
  }

  /** The creator's own templates, any status, newest first. */
  async listMine(creatorId: string, limit: number, cursor?: string): Promise<Page<PromptTemplateView>> {
    return this.listWhere({ creatorId }, limit, cursor);
  }

  /** Admin moderation list, any creator, optionally one status. */
  async listForAdmin(
    status: PromptStatus | 'reported' | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<PromptTemplateView>> {
    if (status === 'reported') return this.listWhere({ reported: true }, limit, cursor);
    return this.listWhere({ status }, limit, cursor);
  }

  private async listWhere(
    filter: { creatorId?: string; status?: PromptStatus; reported?: boolean },
    limit: number,
    cursor?: string,
  ) {
    const after = decodeCursor(cursor);
    const qb = this.templates
      .createQueryBuilder('t')
      .where('t.deleted_at IS NULL')
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .take(limit + 1);
    if (filter.creatorId) qb.andWhere('t.creator_id = :creator', { creator: filter.creatorId });
    if (filter.status) qb.andWhere('t.status = :status', { status: filter.status });
    if (filter.reported) qb.andWhere('EXISTS (SELECT 1 FROM prompt_reports r WHERE r.template_id = t.id)');
    if (after) qb.andWhere('(t.created_at, t.id) < (:at, :id)', { at: after.createdAt, id: after.id });
    const rows = await qb.getMany();
    const page = toPage(rows, limit, (r) => r);
    return { items: await this.views.many(page.items, { withText: () => true }), nextCursor: page.nextCursor };
  }

  /** How many (not deleted) templates a creator has, any status (the admin user detail). */
  countByCreator(creatorId: string): Promise<number> {
    return this.templates
      .createQueryBuilder('t')
      .where('t.creator_id = :creatorId', { creatorId })
      .andWhere('t.deleted_at IS NULL')
      .getCount();
  }

  /** Hide (moderation) or restore to where it was: published if it had been published, else a draft. */
  async moderate(
    id: string,
    action: 'hide' | 'restore',
    reason: string | undefined,
    actorId: string,
  ): Promise<PromptTemplateView> {
    const row = await this.dataSource.transaction(async (m) => {
      const current = isUuid(id)
        ? await m.getRepository(PromptTemplate).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!current || current.deletedAt) throw templateNotFound();
      const before = { status: current.status, hiddenReason: current.hiddenReason };
      if (action === 'hide') {
        current.status = 'hidden';
        current.hiddenAt ??= new Date();
        current.hiddenReason = reason ?? null;
      } else {
        current.status = current.publishedAt ? 'published' : 'draft';
        current.hiddenAt = null;
        current.hiddenReason = null;
      }
      const saved = await m.save(current);
      await this.audit.record(
        {
          actorId,
          action: `prompt.${action}`,
          targetType: 'prompt_template',
          targetId: saved.id,
          details: {
            reason: reason ?? null,
            before,
            after: { status: saved.status, hiddenReason: saved.hiddenReason },
          },
        },
        m,
      );
      return saved;
    });
    return this.ownerView(row);
  }

  /** Renders the caller's own template with sample values, without running anything. */
  async preview(id: string, viewer: Viewer, values: Record<string, string> | undefined): Promise<{ prompt: string }> {
    const row = await this.findVisible(id, viewer);
    if (row.creatorId !== viewer.userId && viewer.role !== 'admin') {
      throw new MarketplaceException(
        ProblemCode.NotYourTemplate,
        'Only its creator can preview the text of this template.',
      );
    }
    try {
      return { prompt: renderTemplate(row.template, resolveValues(row.variables, values)) };
    } catch (error) {
      throw asBadRequest(error, 'render');
    }
  }

  async versions(id: string, viewer: Viewer): Promise<PromptTemplateVersion[]> {
    const row = await this.findVisible(id, viewer);
    if (row.creatorId !== viewer.userId && viewer.role !== 'admin') {
      throw new MarketplaceException(
        ProblemCode.NotYourTemplate,
        'Only its creator can see the history of this template.',
      );
    }
    return this.dataSource.getRepository(PromptTemplateVersion).find({
      where: { templateId: row.id },
      order: { version: 'DESC' },
    });
  }

  private define(template: string, inputs: PromptVariableInput[] | undefined) {
    try {
      return defineVariables(template, inputs);
    } catch (error) {
      throw asBadRequest(error);
    }
  }

  private async snapshot(m: EntityManager, row: PromptTemplate): Promise<void> {
    await m.query(
      `INSERT INTO prompt_template_versions (template_id, version, title, description, tags, template, variables)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (template_id, version) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
         tags = EXCLUDED.tags, template = EXCLUDED.template, variables = EXCLUDED.variables, created_at = now()`,
      [row.id, row.version, row.title, row.description, row.tags, row.template, JSON.stringify(row.variables)],
    );
  }
}
