import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/* OpenAI's wire format is snake_case: these DTOs keep its field names so that every OpenAI client works unchanged. */

export const CHAT_ROLES = ['system', 'developer', 'user', 'assistant'] as const;
export type ChatRole = (typeof CHAT_ROLES)[number];

export class ChatMessageDto {
  @ApiProperty({ enum: CHAT_ROLES, example: 'user' })
  @IsIn(CHAT_ROLES)
  role!: ChatRole;

  @ApiProperty({
    oneOf: [
      { type: 'string' },
      {
        type: 'array',
        items: { type: 'object', properties: { type: { type: 'string', enum: ['text'] }, text: { type: 'string' } } },
      },
    ],
    example: 'Explain quantum computing in two sentences',
    description: 'Text, or an array of `{type: "text", text}` parts',
  })
  @IsDefined()
  content!: string | { type: string; text?: string }[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  name?: string;
}

export class StreamOptionsDto {
  @ApiPropertyOptional({ description: 'Send a last chunk with `usage` before `[DONE]`' })
  @IsOptional()
  @IsBoolean()
  include_usage?: boolean;
}

/** OpenAI's `POST /chat/completions` request; fields OpenAI clients commonly send are accepted (and ignored). */
export class ChatCompletionRequestDto {
  @ApiProperty({ example: 'chat', description: "A text tool's slug (see GET /models)" })
  @IsString()
  @MaxLength(64)
  model!: string;

  @ApiProperty({ type: [ChatMessageDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ChatMessageDto)
  messages!: ChatMessageDto[];

  @ApiPropertyOptional({ example: 400, description: "Clamped to the tool's bounds" })
  @IsOptional()
  @IsInt()
  @Min(1)
  max_tokens?: number;

  @ApiPropertyOptional({ description: 'Same as max_tokens (the newer name)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  max_completion_tokens?: number;

  @ApiPropertyOptional({ example: 0.7, description: "Clamped to the tool's bounds" })
  @IsOptional()
  @IsNumber()
  temperature?: number;

  @ApiPropertyOptional({ description: '`chat.completion.chunk` server-sent events ending with `data: [DONE]`' })
  @IsOptional()
  @IsBoolean()
  stream?: boolean;

  @ApiPropertyOptional({ type: StreamOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => StreamOptionsDto)
  stream_options?: StreamOptionsDto;

  @ApiPropertyOptional({ enum: [1], description: 'Only one choice is generated' })
  @IsOptional()
  @IsIn([1])
  n?: number;

  @ApiPropertyOptional({ description: 'Accepted and ignored' })
  @IsOptional()
  @IsNumber()
  top_p?: number;

  @ApiPropertyOptional({ description: 'Accepted and ignored' })
  @IsOptional()
  @IsNumber()
  presence_penalty?: number;

  @ApiPropertyOptional({ description: 'Accepted and ignored' })
  @IsOptional()
  @IsNumber()
  frequency_penalty?: number;

  @ApiPropertyOptional({ description: 'Accepted and ignored' })
  @IsOptional()
  @IsDefined()
  stop?: string | string[];

  @ApiPropertyOptional({ description: 'Accepted and ignored' })
  @IsOptional()
  @IsInt()
  seed?: number;

  @ApiPropertyOptional({ description: 'Accepted and ignored' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  user?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Accepted and ignored',
  })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, string>;
}

export class ChatCompletionUsageDto {
  @ApiProperty() prompt_tokens!: number;
  @ApiProperty() completion_tokens!: number;
  @ApiProperty() total_tokens!: number;
}

export class ChatCompletionMessageDto {
  @ApiProperty({ enum: ['assistant'] }) role!: 'assistant';
  @ApiProperty() content!: string;
  @ApiProperty({ type: 'string', nullable: true }) refusal!: null;
}

export class ChatCompletionChoiceDto {
  @ApiProperty() index!: number;
  @ApiProperty({ type: ChatCompletionMessageDto }) message!: ChatCompletionMessageDto;
  @ApiProperty({ example: 'stop' }) finish_reason!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) logprobs!: null;
}

/** The platform's own view of the run behind an answer. */
export class MegicaiRunDto {
  @ApiProperty({ format: 'uuid' }) jobId!: string;
  @ApiProperty({ example: 1, description: 'Credits charged' }) cost!: number;
  @ApiProperty() cached!: boolean;
  @ApiProperty({ example: 'openai' }) provider!: string;
}

export class ChatCompletionDto {
  @ApiProperty({ example: 'chatcmpl-0b6e…' }) id!: string;
  @ApiProperty({ enum: ['chat.completion'] }) object!: 'chat.completion';
  @ApiProperty({ description: 'Unix seconds' }) created!: number;
  @ApiProperty({ example: 'chat' }) model!: string;
  @ApiProperty({ type: [ChatCompletionChoiceDto] }) choices!: ChatCompletionChoiceDto[];
  @ApiPropertyOptional({ type: ChatCompletionUsageDto, description: "The provider's token counts, when known" })
  usage?: ChatCompletionUsageDto;
  @ApiProperty({ type: MegicaiRunDto }) megicai!: MegicaiRunDto;
}
