import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemCode, type Page, type PromptReportReason, type PromptTemplateView } from '@megicai/contracts';
import type { Principal } from '../common/auth/principal';
import type { AdminPromptDto, AdminPromptReportDto, PromptReportDto } from './dto/prompt-report.dto';
import { MarketplaceException } from './marketplace.exception';
import { isUuid, templateNotFound } from './prompt-errors';

type Viewer = Pick<Principal, 'userId'>;

interface ReportRow {
  id: string;
  template_id: string;
  reporter_id: string;
  reason: PromptReportReason;
  detail: string | null;
  created_at: Date;
}

/** Reports of templates by users, one per user and template; admins read them beside the templates. */
@Injectable()
export class PromptReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(
    id: string,
    viewer: Viewer,
    reason: PromptReportReason,
    detail: string | undefined,
  ): Promise<PromptReportDto> {
    const [template]: { creator_id: string; status: string }[] = isUuid(id)
      ? await this.dataSource.query(
          `SELECT creator_id, status FROM prompt_templates WHERE id = $1 AND deleted_at IS NULL`,
          [id],
        )
      : [];
    if (!template) throw templateNotFound();
    if (template.creator_id === viewer.userId)
      throw new MarketplaceException(ProblemCode.OwnTemplate, 'You cannot report your own template.');
    // Only what the reporter can see can be reported: someone else's draft or hidden template is not there for them.
    if (template.status !== 'published') throw templateNotFound();
    // The unique pair decides "already reported" atomically, so parallel double clicks give one 201 and one 409.
    const [row]: ReportRow[] = await this.dataSource.query(
      `INSERT INTO prompt_reports (template_id, reporter_id, reason, detail, created_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (template_id, reporter_id) DO NOTHING
       RETURNING *`,
      [id, viewer.userId, reason, detail?.trim() || null, new Date()],
    );
    if (!row) throw new MarketplaceException(ProblemCode.AlreadyReported, 'You already reported this template.');
    return this.view(row);
  }

  /** Adds each template's report count and reports (newest first) to a page of the admin list. */
  async withReports(page: Page<PromptTemplateView>): Promise<{ items: AdminPromptDto[]; nextCursor: string | null }> {
    const ids = page.items.map((t) => t.id);
    const rows: ReportRow[] = ids.length
      ? await this.dataSource.query(
          `SELECT * FROM prompt_reports WHERE template_id = ANY($1::uuid[]) ORDER BY created_at DESC, id DESC`,
          [ids],
        )
      : [];
    const items = page.items.map((t) => {
      const reports: AdminPromptReportDto[] = rows
        .filter((r) => r.template_id === t.id)
        .map((r) => ({ ...this.view(r), reporterId: r.reporter_id }));
      return { ...t, reportCount: reports.length, reports };
    });
    return { items, nextCursor: page.nextCursor };
  }

  private view(row: ReportRow): PromptReportDto {
    return { id: row.id, reason: row.reason, detail: row.detail, createdAt: row.created_at.toISOString() };
  }
}
