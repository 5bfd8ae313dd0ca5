import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JobStatus } from '@megicai/contracts';
import type {
  JobAttemptView,
  JobOutput,
  JobView,
  QueuedRunResult,
  TextJobOutput,
  TokenUsage,
} from '@megicai/contracts';

const STATUSES = Object.values(JobStatus);

export class JobAssetDto {
  @ApiProperty({
    example: '/api/v1/assets/0b6e…/0?expires=1764070000&signature=…',
    description: 'Signed, expiring link',
  })
  url!: string;
  @ApiProperty({ example: 'image/png' }) mimeType!: string;
  @ApiPropertyOptional() width?: number;
  @ApiPropertyOptional() height?: number;
  @ApiPropertyOptional() durationSeconds?: number;
}

export class JobOutputDto {
  @ApiPropertyOptional({ description: 'Text tools' }) text?: string;
  @ApiPropertyOptional({ type: [JobAssetDto], description: 'Image, audio and video tools' }) assets?: JobAssetDto[];
  @ApiProperty({ description: 'Answered by the offline demo provider' }) offline!: boolean;
  @ApiPropertyOptional({ example: 'offline demo' }) label?: string;
}

export class JobAttemptDto implements JobAttemptView {
  @ApiProperty() provider!: string;
  @ApiProperty() model!: string;
  @ApiProperty() error!: string;
  @ApiPropertyOptional() status?: number;
  @ApiPropertyOptional() code?: string;
}

export class JobDto implements JobView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) toolId!: string;
  @ApiProperty({ enum: STATUSES }) status!: JobStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({ type: JobOutputDto, nullable: true }) output!: JobOutput | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ example: 1, description: 'Credits charged (0 for a cache hit)' }) cost!: number;
  @ApiProperty() cached!: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'openai' }) provider!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'gpt-4o-mini' }) model!: string | null;
  @ApiProperty({ type: [JobAttemptDto], description: 'Providers that failed before one answered' })
  attempts!: JobAttemptView[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) templateId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}

export class JobPageDto {
  @ApiProperty({ type: [JobDto] }) items!: JobDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class TokenUsageDto implements TokenUsage {
  @ApiProperty({ example: 12 }) promptTokens!: number;
  @ApiProperty({ example: 85 }) completionTokens!: number;
}

export class TextOutputDto implements TextJobOutput {
  @ApiProperty() text!: string;
  @ApiProperty() offline!: boolean;
  @ApiPropertyOptional() label?: string;
  @ApiPropertyOptional({ type: TokenUsageDto, description: "The provider's token counts, when it reports them" })
  usage?: TokenUsage;
}

/** 200 for text runs; 202 (status `queued`, or `succeeded` for a cache hit) with Location for media runs. */
export class RunResultDto implements Pick<QueuedRunResult, 'jobId' | 'cost'> {
  @ApiProperty({ format: 'uuid' }) jobId!: string;
  @ApiProperty({ enum: ['succeeded', 'queued'] }) status!: 'succeeded' | 'queued';
  @ApiProperty({ example: 1, description: 'Credits charged' }) cost!: number;
  @ApiPropertyOptional({ type: TextOutputDto, description: 'Text runs' }) output?: TextJobOutput;
  @ApiPropertyOptional() cached?: boolean;
  @ApiPropertyOptional({ example: 'openai' }) provider?: string;
  @ApiPropertyOptional({ example: 'gpt-4o-mini' }) model?: string;
}
