import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  PROMPT_LIMITS,
  PROMPT_STATUSES,
  PROMPT_VARIABLE_NAME,
  TOOL_KINDS,
  type PromptStatus,
  type PromptVariable,
  type ToolKind,
} from '@megicai/contracts';

export class PromptVariableInputDto {
  @ApiProperty({ example: 'topic', pattern: PROMPT_VARIABLE_NAME.source })
  @IsString()
  @Matches(PROMPT_VARIABLE_NAME, { message: 'name must be a letter or _ followed by letters, digits, _ or -' })
  name!: string;

  @ApiPropertyOptional({ example: 'Topic', maxLength: PROMPT_LIMITS.label })
  @IsOptional()
  @IsString()
  @MaxLength(PROMPT_LIMITS.label)
  label?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PROMPT_LIMITS.value })
  @IsOptional()
  @IsString()
  @MaxLength(PROMPT_LIMITS.value)
  default?: string | null;

  @ApiPropertyOptional({ type: [String], nullable: true, description: 'Allowed values (shown as a select)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROMPT_LIMITS.choices)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(PROMPT_LIMITS.choice, { each: true })
  choices?: string[] | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: PROMPT_LIMITS.value })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PROMPT_LIMITS.value)
  maxLength?: number | null;
}

export class CreatePromptDto {
  @ApiProperty({ maxLength: PROMPT_LIMITS.title, example: 'Blog post outline' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROMPT_LIMITS.title)
  title!: string;

  @ApiProperty({ maxLength: PROMPT_LIMITS.description })
  @IsString()
  @MaxLength(PROMPT_LIMITS.description)
  description!: string;

  @ApiProperty({ description: 'Tool id (UUID) or slug' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  toolId!: string;

  @ApiProperty({
    maxLength: PROMPT_LIMITS.template,
    example: 'Outline a {{length:short|long}} post about {{topic}}.',
    description: 'The text with `{{name}}` variables; `{{name:a|b}}` declares choices inline',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROMPT_LIMITS.template)
  template!: string;

  @ApiPropertyOptional({ type: [PromptVariableInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROMPT_LIMITS.variables)
  @ValidateNested({ each: true })
  @Type(() => PromptVariableInputDto)
  variables?: PromptVariableInputDto[];

  @ApiPropertyOptional({ type: [String], maxItems: PROMPT_LIMITS.tags })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROMPT_LIMITS.tags)
  @IsString({ each: true })
  @MaxLength(PROMPT_LIMITS.tag, { each: true })
  tags?: string[];
}

/** Every field of a template but its tool, each optional: an edit changes only what it names. */
export class UpdatePromptDto extends PartialType(OmitType(CreatePromptDto, ['toolId'] as const)) {}

export class PromptVariableDto implements PromptVariable {
  @ApiProperty() name!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: String, nullable: true }) default!: string | null;
  @ApiProperty({ type: [String], nullable: true }) choices!: string[] | null;
  @ApiProperty({ type: Number, nullable: true }) maxLength!: number | null;
}

export class PromptCreatorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

export class MyRatingDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) stars!: number;
  @ApiProperty({ type: String, nullable: true }) review!: string | null;
}

export class PromptTemplateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'uuid' }) toolId!: string;
  @ApiProperty({ enum: TOOL_KINDS }) toolKind!: ToolKind;
  @ApiProperty({ type: PromptCreatorDto }) creator!: PromptCreatorDto;
  @ApiProperty({ type: [PromptVariableDto] }) variables!: PromptVariableDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Mean stars, null before the first rating' }) ratingAvg!:
    number | null;
  @ApiProperty() ratingCount!: number;
  @ApiProperty({ description: 'Runs by other users' }) uses!: number;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ description: 'Current version; each edit after publishing adds one' }) version!: number;
  @ApiProperty({ enum: PROMPT_STATUSES }) status!: PromptStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ description: 'The template text: shown to its creator (and admins) only' }) template?: string;
  @ApiPropertyOptional({ type: MyRatingDto, nullable: true, description: "The caller's rating (single template only)" })
  myRating?: MyRatingDto | null;
}

export class PromptPageDto {
  @ApiProperty({ type: [PromptTemplateDto] }) items!: PromptTemplateDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class PromptVersionDto {
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() template!: string;
  @ApiProperty({ type: [PromptVariableDto] }) variables!: PromptVariableDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PreviewPromptDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { topic: 'tea' } })
  @IsOptional()
  @IsObject()
  variables?: Record<string, string>;
}

export class PreviewResultDto {
  @ApiProperty() prompt!: string;
}
