import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { JobOutput } from '@megicai/contracts';
import { toCredits } from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { JobsException } from './jobs.exception';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { StorageService } from '../storage/storage.service';
import type { StoredObject } from '../storage/storage-driver';
import { JobDto, JobPageDto } from './dto/job.dto';
import { Job, StoredAsset } from './entities/job.entity';
import { JobSettlementService } from './job-settlement.service';
import { attemptSummary } from './job-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface JobStatsRow {
  toolId: string;
  provider: string | null;
  runs: number;
  cached: number;
  succeeded: number;
  failed: number;
  canceled: number;
  spentMilli: number;
}

export interface ProviderLatencyRow {
  provider: string;
  runs: number;
  failed: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
}

export interface AssetDownload {
  object: StoredObject;
  mimeType: string;
  fileName: string;
}

/** Reading, listing and canceling jobs; every read is scoped to the owner (another user's job is a 404). */
@Injectable()
export class JobsService {
  constructor(
    @InjectRepository(Job) private readonly jobs: Repository<Job>,
    private readonly settlement: JobSettlementService,
    private readonly storage: StorageService,
  ) {}

  async get(userId: string, jobId: string): Promise<JobDto> {
    return this.view(await this.owned(userId, jobId));
  }

  async list(userId: string, limit: number, cursor?: string): Promise<JobPageDto> {
    const after = decodeCursor(cursor);
    const query = this.jobs
      .createQueryBuilder('j')
      .where('j.user_id = :userId', { userId })
      .orderBy('j.created_at', 'DESC')
      .addOrderBy('j.id', 'DESC')
      .take(limit + 1);
    if (after) {
      query.andWhere('(j.created_at, j.id) < (:createdAt, :id)', { createdAt: after.createdAt, id: after.id });
    }
    return toPage(await query.getMany(), limit, (j) => this.view(j));
  }

  async cancel(userId: string, jobId: string): Promise<JobDto> {
    if (!UUID.test(jobId)) throw new JobsException(ProblemCode.NotFound, 'No such job.');
    const outcome = await this.settlement.cancel(jobId, userId);
    if (outcome === 'missing') throw new JobsException(ProblemCode.NotFound, 'No such job.');
    const job = await this.owned(userId, jobId);
    if (outcome === 'finished') {
      throw new JobsException(ProblemCode.JobNotCancelable, `The job already ended (${job.status}).`, {
        extensions: { job: this.view(job) },
      });
    }
    return this.view(job);
  }

  /** The owner's asset n. */
  async ownedAsset(userId: string, jobId: string, index: number): Promise<AssetDownload> {
    return this.asset(await this.owned(userId, jobId), index);
  }

  /** Asset n through a signed link: the signature is the permission. */
  async signedAsset(jobId: string, index: number, expires?: string, signature?: string): Promise<AssetDownload> {
    if (!this.storage.verify(assetPath(jobId, index), expires, signature)) {
      throw new JobsException(ProblemCode.Forbidden, 'This link is not valid or has expired.');
    }
    const job = UUID.test(jobId) ? await this.jobs.findOneBy({ id: jobId }) : null;
    if (!job) throw new JobsException(ProblemCode.NotFound, 'No such asset.');
    return this.asset(job, index);
  }

  /** Runs between two instants, per tool and provider (for admin analytics); credits in milli-credits. */
  async stats(from: Date, to: Date): Promise<JobStatsRow[]> {
    const rows: Record<string, string | null>[] = await this.jobs.query(
      `SELECT tool_id, provider, count(*) AS runs,
              count(*) FILTER (WHERE cached) AS cached,
              count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
              count(*) FILTER (WHERE status = 'failed') AS failed,
              count(*) FILTER (WHERE status = 'canceled') AS canceled,
              coalesce(sum(cost) FILTER (WHERE status = 'succeeded'), 0) AS spent_milli
         FROM jobs WHERE created_at >= $1 AND created_at < $2
        GROUP BY tool_id, provider ORDER BY count(*) DESC`,
      [from, to],
    );
    return rows.map((r) => ({
      toolId: String(r.tool_id),
      provider: r.provider,
      runs: Number(r.runs),
      cached: Number(r.cached),
      succeeded: Number(r.succeeded),
      failed: Number(r.failed),
      canceled: Number(r.canceled),
      spentMilli: Number(r.spent_milli),
    }));
  }

  /** Distinct users with a job per UTC day between two instants (admin DAU; merged with the ledger's). */
  async activeUsersByDay(from: Date, to: Date): Promise<{ date: string; userId: string }[]> {
    return this.jobs.query(
      `SELECT DISTINCT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, user_id AS "userId"
         FROM jobs WHERE created_at >= $1 AND created_at < $2`,
      [from, to],
    );
  }

  /** Latency (start to finish) percentiles and failures per provider of runs that reached one (not cache hits). */
  async providerLatency(from: Date, to: Date): Promise<ProviderLatencyRow[]> {
    const rows: Record<string, string | null>[] = await this.jobs.query(
      `SELECT provider, count(*) AS runs, count(*) FILTER (WHERE status = 'failed') AS failed,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - started_at) * 1000) AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - started_at) * 1000) AS p95
         FROM jobs
        WHERE created_at >= $1 AND created_at < $2 AND provider IS NOT NULL AND NOT cached
          AND started_at IS NOT NULL AND finished_at IS NOT NULL AND status IN ('succeeded', 'failed')
        GROUP BY provider ORDER BY count(*) DESC`,
      [from, to],
    );
    return rows.map((r) => ({
      provider: String(r.provider),
      runs: Number(r.runs),
      failed: Number(r.failed),
      latencyP50Ms: r.p50 === null ? null : Math.round(Number(r.p50)),
      latencyP95Ms: r.p95 === null ? null : Math.round(Number(r.p95)),
    }));
  }

  view(job: Job): JobDto {
    return {
      id: job.id,
      toolId: job.toolId,
      status: job.status,
      progress: job.progress,
      output: job.output ? this.outputView(job.id, job.output) : null,
      error: job.error,
      cost: toCredits(job.cost),
      cached: job.cached,
      provider: job.provider,
      model: job.model,
      // The raw error text of an attempt (an upstream's words, maybe its host names) stays in the row for admins.
      attempts: job.attempts.map(({ provider, model, status, code }) => ({
        provider,
        model,
        error: attemptSummary({ status, code }),
        status,
        code,
      })),
      templateId: job.templateId,
      createdAt: job.createdAt.toISOString(),
      startedAt: job.startedAt ? job.startedAt.toISOString() : null,
      finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
    };
  }

  outputView(jobId: string, output: NonNullable<Job['output']>): JobOutput {
    if ('text' in output) return output;
    return {
      offline: output.offline,
      ...(output.label ? { label: output.label } : {}),
      assets: output.assets.map(({ key: _key, ...asset }, n) => ({
        ...asset,
        url: this.storage.signedUrl(assetPath(jobId, n)),
      })),
    };
  }

  private async owned(userId: string, jobId: string): Promise<Job> {
    const job = UUID.test(jobId) ? await this.jobs.findOneBy({ id: jobId, userId }) : null;
    if (!job) throw new JobsException(ProblemCode.NotFound, 'No such job.');
    return job;
  }

  private async asset(job: Job, index: number): Promise<AssetDownload> {
    const assets: StoredAsset[] = job.output && 'assets' in job.output ? job.output.assets : [];
    const asset = Number.isInteger(index) ? assets[index] : undefined;
    const object = asset ? await this.storage.get(asset.key) : null;
    if (!asset || !object) throw new JobsException(ProblemCode.NotFound, 'No such asset.');
    const extension = asset.key.split('.').pop() ?? 'bin';
    return { object, mimeType: asset.mimeType, fileName: `megicai-${job.id.slice(0, 8)}-${index}.${extension}` };
  }
}

/** The signed path of asset n (the global prefix included, as the browser requests it). */
export function assetPath(jobId: string, index: number): string {
  return `/api/v1/assets/${jobId}/${index}`;
}
