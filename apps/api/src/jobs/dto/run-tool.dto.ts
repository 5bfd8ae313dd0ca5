import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import type { RunToolRequest } from '@megicai/contracts';

export class RunToolDto implements RunToolRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { prompt: 'Explain quantum computing in two sentences' },
    description: "`prompt` plus the tool's options, as its inputSchema describes",
  })
  @IsObject()
  input!: { prompt: string; [option: string]: unknown };

  @ApiPropertyOptional({ example: 'openai', description: 'Try this provider first' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  provider?: string;

  @ApiPropertyOptional({ example: 'gpt-4o-mini' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  model?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A marketplace prompt template to render as the prompt' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  templateId?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { topic: 'cats' } })
  @IsOptional()
  @IsObject()
  variables?: Record<string, string>;

  @ApiPropertyOptional({ default: true, description: 'false asks for a fresh answer instead of a cached one' })
  @IsOptional()
  @IsBoolean()
  cache?: boolean;
}

export class RunQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Text tools: answer as text/event-stream' })
  @IsOptional()
  @IsIn(['true', 'false', '1', '0'])
  stream?: string;
}
