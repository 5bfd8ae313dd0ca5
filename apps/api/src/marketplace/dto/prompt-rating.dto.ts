import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PROMPT_LIMITS } from '@megicai/contracts';
import { PromptCreatorDto } from './prompt-template.dto';

export class RatePromptDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  stars!: number;

  @ApiPropertyOptional({ maxLength: PROMPT_LIMITS.review })
  @IsOptional()
  @IsString()
  @MaxLength(PROMPT_LIMITS.review)
  review?: string;
}

export class PromptRatingDto {
  @ApiProperty({ format: 'uuid' }) templateId!: string;
  @ApiProperty({ type: PromptCreatorDto }) user!: PromptCreatorDto;
  @ApiProperty({ minimum: 1, maximum: 5 }) stars!: number;
  @ApiProperty({ type: String, nullable: true }) review!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class PromptRatingPageDto {
  @ApiProperty({ type: [PromptRatingDto] }) items!: PromptRatingDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class TemplateEarningsDto {
  @ApiProperty({ format: 'uuid' }) templateId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Runs by other users' }) runs!: number;
  @ApiProperty({ description: 'Credits earned (decimal)' }) earnings!: number;
}

export class CreatorEarningsDto {
  @ApiProperty({ description: 'Credits earned in total (decimal)' }) total!: number;
  @ApiProperty({ description: 'Credits earned in the last 30 days' }) last30Days!: number;
  @ApiProperty({ type: [TemplateEarningsDto] }) byTemplate!: TemplateEarningsDto[];
}
