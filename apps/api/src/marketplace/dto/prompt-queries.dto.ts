import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PROMPT_SORTS, TOOL_KINDS, type PromptSort, type ToolKind } from '@megicai/contracts';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

export class SearchPromptsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Words to find in title, description and tags (web search syntax: "phrase", -not, or)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Only templates for this tool (UUID or slug)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  toolId?: string;

  @ApiPropertyOptional({ enum: TOOL_KINDS, description: 'Only templates for tools of this kind' })
  @IsOptional()
  @IsIn(TOOL_KINDS)
  kind?: ToolKind;

  @ApiPropertyOptional({
    enum: PROMPT_SORTS,
    default: 'top',
    description: 'top: Bayesian average rating; new; popular: runs in the last 30 days',
  })
  @IsOptional()
  @IsIn(PROMPT_SORTS)
  sort?: PromptSort;
}

export class ModeratePromptDto {
  @ApiProperty({
    enum: ['hide', 'restore'],
    description: 'hide: out of the marketplace; restore: back to where it was',
  })
  @IsIn(['hide', 'restore'])
  action!: 'hide' | 'restore';

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
