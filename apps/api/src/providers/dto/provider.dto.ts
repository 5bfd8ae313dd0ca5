import { ApiProperty } from '@nestjs/swagger';
import { TOOL_KINDS, type ToolKind } from '@megicai/contracts';

export class ProviderModelDto {
  @ApiProperty({ example: 'gpt-4o-mini' }) id!: string;
  @ApiProperty({ enum: TOOL_KINDS, example: 'text' }) kind!: ToolKind;
  @ApiProperty({ description: 'Used for this kind when the run names no model' }) default!: boolean;
}

export class ProviderDto {
  @ApiProperty({ example: 'openai' }) id!: string;
  @ApiProperty({ example: 'OpenAI' }) name!: string;
  @ApiProperty({ enum: TOOL_KINDS, isArray: true, example: ['text', 'image'] }) kinds!: ToolKind[];
  @ApiProperty({ type: [ProviderModelDto] }) models!: ProviderModelDto[];
  @ApiProperty({ description: 'Configured on this server (has a key or base URL); `offline` always is' })
  available!: boolean;
  @ApiProperty({ description: 'Its circuit breaker is not open: recent calls have not kept failing' })
  healthy!: boolean;
  @ApiProperty({ enum: ['closed', 'open', 'half-open', 'isolated'], example: 'closed' })
  circuit!: 'closed' | 'open' | 'half-open' | 'isolated';
}
