import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  PROMPT_REPORT_REASONS as REPORT_REASONS,
  PROMPT_STATUSES,
  type PromptReportReason as ReportReason,
  type PromptStatus,
} from '@megicai/contracts';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { PromptTemplateDto } from './prompt-template.dto';

export class ReportPromptDto {
  @ApiProperty({ enum: REPORT_REASONS })
  @IsIn(REPORT_REASONS)
  reason!: ReportReason;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  detail?: string;
}

export class PromptReportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORT_REASONS }) reason!: ReportReason;
  @ApiProperty({ type: String, nullable: true }) detail!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** A report as admins see it: who filed it as well. */
export class AdminPromptReportDto extends PromptReportDto {
  @ApiProperty({ format: 'uuid' }) reporterId!: string;
}

export class AdminPromptDto extends PromptTemplateDto {
  @ApiPropertyOptional({ description: 'With status=reported only' }) reportCount?: number;
  @ApiPropertyOptional({ type: [AdminPromptReportDto], description: 'With status=reported only, newest first' })
  reports?: AdminPromptReportDto[];
}

export class AdminPromptPageDto {
  @ApiProperty({ type: [AdminPromptDto] }) items!: AdminPromptDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

const ADMIN_PROMPT_FILTERS = [...PROMPT_STATUSES, 'reported'] as const;

export class AdminPromptsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ADMIN_PROMPT_FILTERS,
    description: 'A status, or "reported": templates with at least one report, with their reports',
  })
  @IsOptional()
  @IsIn(ADMIN_PROMPT_FILTERS)
  status?: PromptStatus | 'reported';
}
