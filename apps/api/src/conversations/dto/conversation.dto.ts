import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { RunToolDto } from '../../jobs/dto/run-tool.dto';

export class CreateConversationDto {
  @ApiProperty({ example: 'chat', description: 'A text tool (UUID or slug)' })
  @IsString()
  @MaxLength(64)
  toolId!: string;

  @ApiPropertyOptional({ example: 'Trip to Lisbon', description: 'The first message names it when absent' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;
}

export class RenameConversationDto {
  @ApiProperty({ example: 'Trip to Lisbon' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;
}

export class ConversationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words to find in titles and messages' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** The message, and the provider or model to try first (validated as for `POST /tools/:id/run`). */
export class PostMessageDto extends PickType(RunToolDto, ['provider', 'model'] as const) {
  @ApiProperty({ example: 'And what about the weekend?' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  content!: string;
}

export class MessageStreamQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false', '1', '0'], description: '`text/event-stream` answer when true' })
  @IsOptional()
  @IsIn(['true', 'false', '1', '0'])
  stream?: string;
}

export class ConversationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) toolId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ConversationSummaryDto extends ConversationDto {
  @ApiProperty({ format: 'date-time', description: 'Time of the newest message' }) lastActivityAt!: string;
}

export class ConversationPageDto {
  @ApiProperty({ type: [ConversationSummaryDto] }) items!: ConversationSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ConversationMessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['user', 'assistant'] }) role!: 'user' | 'assistant';
  @ApiProperty() content!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The run that answered (or failed)' }) jobId?: string;
  @ApiPropertyOptional({ example: 1, description: 'Credits the run cost (assistant messages)' }) cost?: number;
  @ApiPropertyOptional({ description: 'A user message whose run failed and was refunded: retry it' })
  failed?: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ConversationDetailDto extends ConversationDto {
  @ApiProperty({ type: [ConversationMessageDto] }) messages!: ConversationMessageDto[];
}
