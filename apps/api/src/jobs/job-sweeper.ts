import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { jobsConfig } from '../config/jobs.config';
import { friendlyQueueFailure, JobErrorMessage } from './job-errors';
import { JobQueueService } from './job-queue.service';
import { JobSettlementService } from './job-settlement.service';
import type { MediaQueue } from './jobs.constants';
import { Job } from './entities/job.entity';
import { hydrate } from '../common/sql/hydrate';

/**
 * Jobs that would otherwise stay in progress for ever, holding credits: a text run whose API process died while
 * answering (failed and refunded), and a media job BullMQ lost (Redis flushed or restored): added again.
 */
@Injectable()
export class JobSweeper {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(jobsConfig.KEY) private readonly config: ConfigType<typeof jobsConfig>,
    private readonly settlement: JobSettlementService,
    private readonly queue: JobQueueService,
  ) {}

  async failStaleTextRuns(): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM jobs
        WHERE status = 'running' AND kind = 'text'
          AND updated_at < now() - make_interval(secs => $1::double precision / 1000)
        LIMIT 100`,
      [this.config.staleTextRunMs],
    );
    let failed = 0;
    for (const { id } of rows) {
      if (await this.settlement.fail(id, JobErrorMessage.serverStopped)) failed += 1;
    }
    return failed;
  }

  /** Media jobs in progress without an update for `minAgeMs` that BullMQ no longer knows: added again. */
  async requeueLostMediaJobs(minAgeMs = this.config.orphanCheckAfterMs): Promise<number> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT j.* FROM jobs j
        WHERE j.status IN ('queued', 'running') AND j.kind <> 'text'
          AND j.updated_at < now() - make_interval(secs => $1::double precision / 1000)
          AND NOT EXISTS (SELECT 1 FROM job_outbox o WHERE o.job_id = j.id)
        LIMIT 100`,
      [minAgeMs],
    );
    let added = 0;
    for (const row of rows) {
      const job = hydrate(this.dataSource, Job, row);
      const [id, kind] = [job.id, job.kind as MediaQueue];
      const known = await this.queue.find(kind, id);
      if (known) {
        // Failed for good in BullMQ but the refund did not land (the worker died in between): settle it now.
        if ((await known.getState()) === 'failed')
          await this.settlement.fail(id, friendlyQueueFailure(known.failedReason));
        continue;
      }
      if (await this.queue.enqueue(job, kind)) added += 1;
    }
    return added;
  }
}
