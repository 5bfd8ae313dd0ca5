import { SYSTEM_CREATOR_ID } from './system-creator';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toCredits, type CreatorEarningsView } from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { MarketplaceException } from './marketplace.exception';
import { marketplaceConfig } from '../config/marketplace.config';
import { CreditsService } from '../credits/credits.service';
import { ToolsService } from '../tools/tools.service';
import { SqlParams, type SqlFragment } from '../common/sql/sql-fragment';
import { PromptTemplate } from './entities/prompt-template.entity';
import { asBadRequest, isUuid, templateNotFound } from './prompt-errors';
import { renderTemplate, resolveValues } from './template-syntax';

export interface RenderedPrompt {
  prompt: string;
  templateId: string;
  version: number;
  creatorId: string;
  /** The title at run time and the values used (each given value, else its default), kept on the job. */
  title: string;
  variables: Record<string, string>;
}

export interface CreatorRanking {
  creatorId: string;
  /** Milli-credits earned in the period. */
  earnings: number;
  runs: number;
}

export interface TemplateRun {
  jobId: string;
  templateId: string;
  version: number;
  creatorId: string;
  runnerId: string;
  /** What the run cost the runner, in milli-credits (0 for a cache hit). */
  costMilli: number;
}

/**
 * What the jobs module uses: render a template for a run, and pay its creator when the run succeeds.
 * Also the creator's earnings report.
 */
@Injectable()
export class MarketplaceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly credits: CreditsService,
    private readonly tools: ToolsService,
    @Inject(marketplaceConfig.KEY) private readonly config: ConfigType<typeof marketplaceConfig>,
  ) {}

  /**
   * The prompt for a run of `toolId` through a template. 404 when the template is unknown or not visible to the
   * runner (someone else's draft or a hidden one), 400 when it is for another tool or a variable is missing or bad.
   */
  async renderForRun(
    templateId: string,
    variables: Record<string, string> | undefined,
    toolId: string,
    runnerId: string,
  ): Promise<RenderedPrompt> {
    const template = isUuid(templateId)
      ? await this.dataSource.getRepository(PromptTemplate).findOneBy({ id: templateId })
      : null;
    if (!template || template.deletedAt) throw templateNotFound();
    if (template.status !== 'published' && template.creatorId !== runnerId) throw templateNotFound();
    if (template.toolId !== toolId) {
      const tool = await this.tools.findById(toolId);
      if (tool?.id !== template.toolId) {
        throw new MarketplaceException(ProblemCode.ValidationFailed, 'This template belongs to another tool.', {
          errors: [{ field: 'templateId', message: 'the template is for another tool' }],
        });
      }
    }
    try {
      const values = resolveValues(template.variables, variables);
      return {
        prompt: renderTemplate(template.template, values),
        templateId: template.id,
        version: template.version,
        creatorId: template.creatorId,
        title: template.title,
        variables: Object.fromEntries(values),
      };
    } catch (error) {
      throw asBadRequest(error, 'render');
    }
  }

  /**
   * Called inside the transaction that settles a successful run. Records the run once per job and credits the
   * creator their share as a `creator_earning` entry; nothing for the creator's own runs, and no earning for a free
   * run (a cache hit). Exactly once: the run row is keyed by job id and the ledger is unique per (kind, reference).
   * One statement: `creatorRun` after a transition that always wins.
   */
  async payCreator(manager: EntityManager, run: TemplateRun): Promise<void> {
    const rows = this.creatorRun(run);
    if (!rows) return;
    const sql = new SqlParams();
    await manager.query(`WITH job AS (SELECT 1), ${rows(sql.param)} SELECT 1`, sql.values);
  }

  /**
   * `payCreator` as CTEs of the statement that settles the run: written only when its CTE `job` has a row (the
   * transition that won). The run row (CTE `prompt_run`, none when it was recorded before), the template's use, and
   * the creator's earning through CreditsService.grantAfter. Null for the creator's own run: nothing to record.
   */
  creatorRun(run: TemplateRun): SqlFragment | null {
    if (run.creatorId === run.runnerId) return null;
    // The example templates' system creator earns nothing (the run still counts as a use).
    const share = run.creatorId === SYSTEM_CREATOR_ID ? 0 : this.config.creatorSharePercent;
    const earning = Math.floor((run.costMilli * share) / 100);
    const grant =
      earning > 0
        ? this.credits.grantAfter(
            {
              userId: run.creatorId,
              amount: earning,
              kind: 'creator_earning',
              reference: { type: 'job', id: run.jobId },
            },
            'prompt_run',
          )
        : null;
    return (p) => `prompt_run AS (
        INSERT INTO prompt_runs (job_id, template_id, version, creator_id, runner_id, cost_milli, earning_milli)
        SELECT ${p(run.jobId)}::uuid, ${p(run.templateId)}::uuid, ${p(run.version)}::int, ${p(run.creatorId)}::uuid,
               ${p(run.runnerId)}::uuid, ${p(run.costMilli)}::bigint, ${p(earning)}::bigint
         WHERE EXISTS (SELECT 1 FROM job)
        ON CONFLICT (job_id) DO NOTHING RETURNING job_id, template_id
      ), template_use AS (
        UPDATE prompt_templates t SET uses = uses + 1, runs_30d = runs_30d + 1 FROM prompt_run r WHERE t.id = r.template_id
      )${grant ? `, ${grant(p)}` : ''}`;
  }

  /** The caller's earnings as a creator: all time, the last 30 days and per template (credits). */
  async earnings(creatorId: string): Promise<CreatorEarningsView> {
    const [totals]: { total: string; last30: string }[] = await this.dataSource.query(
      `SELECT coalesce(sum(earning_milli), 0) AS total,
              coalesce(sum(earning_milli) FILTER (WHERE created_at > now() - interval '30 days'), 0) AS last30
         FROM prompt_runs WHERE creator_id = $1`,
      [creatorId],
    );
    const rows: { id: string; title: string; runs: string; earnings: string }[] = await this.dataSource.query(
      `SELECT t.id, t.title, count(r.job_id) AS runs, coalesce(sum(r.earning_milli), 0) AS earnings
         FROM prompt_templates t LEFT JOIN prompt_runs r ON r.template_id = t.id
        WHERE t.creator_id = $1 AND (t.deleted_at IS NULL OR r.job_id IS NOT NULL)
        GROUP BY t.id, t.title, t.created_at
        ORDER BY coalesce(sum(r.earning_milli), 0) DESC, t.created_at DESC`,
      [creatorId],
    );
    return {
      total: toCredits(totals.total),
      last30Days: toCredits(totals.last30),
      byTemplate: rows.map((r) => ({
        templateId: r.id,
        title: r.title,
        runs: Number(r.runs),
        earnings: toCredits(r.earnings),
      })),
    };
  }

  /** Creators by what they earned since a date (all time when null): the creators' board of the leaderboard. */
  async topCreators(since: Date | null, limit: number): Promise<CreatorRanking[]> {
    const rows: { creator_id: string; earnings: string; runs: string }[] = await this.dataSource.query(
      `SELECT creator_id, sum(earning_milli) AS earnings, count(*) AS runs FROM prompt_runs
        WHERE ($1::timestamptz IS NULL OR created_at >= $1)
        GROUP BY creator_id HAVING sum(earning_milli) > 0
        ORDER BY sum(earning_milli) DESC, count(*) DESC, creator_id LIMIT $2`,
      [since, limit],
    );
    return rows.map((r) => ({ creatorId: r.creator_id, earnings: Number(r.earnings), runs: Number(r.runs) }));
  }
}
