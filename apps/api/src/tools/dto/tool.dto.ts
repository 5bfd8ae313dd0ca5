import { ApiProperty } from '@nestjs/swagger';
import type { JsonSchema, ToolKind, ToolView } from '@megicai/contracts';
import { TOOL_KINDS, toCredits } from '@megicai/contracts';
import type { Tool } from '../entities/tool.entity';
import { activeOffer } from '../tool-pricing';

export class ToolDto implements ToolView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'summarize', description: 'Human id; GET /tools/:id accepts it too' }) slug!: string;
  @ApiProperty({ example: 'Summarize' }) name!: string;
  @ApiProperty({ enum: TOOL_KINDS }) kind!: ToolKind;
  @ApiProperty() description!: string;
  @ApiProperty({ example: 1, description: 'Credits per run (decimal)' }) creditCost!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.5, description: 'Running offer price, if any' })
  offerCost!: number | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the running offer started (null: no start date)',
  })
  offerStartsAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) offerEndsAt!: string | null;
  @ApiProperty() premiumOnly!: boolean;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: [String], example: ['openai', 'offline'], description: 'Provider ids, in the order tried' })
  providers!: string[];
  @ApiProperty({ type: String, nullable: true }) defaultModel!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'JSON Schema of the run input' })
  inputSchema!: JsonSchema;

  static from(tool: Tool, now = new Date()): ToolDto {
    const offer = activeOffer(tool, now);
    return {
      id: tool.id,
      slug: tool.slug,
      name: tool.name,
      kind: tool.kind,
      description: tool.description,
      creditCost: toCredits(tool.creditCost),
      offerCost: offer === null ? null : toCredits(offer),
      offerStartsAt: offer !== null && tool.offerStartsAt ? tool.offerStartsAt.toISOString() : null,
      offerEndsAt: offer !== null && tool.offerEndsAt ? tool.offerEndsAt.toISOString() : null,
      premiumOnly: tool.premiumOnly,
      enabled: tool.enabled,
      providers: [...tool.providers],
      defaultModel: tool.defaultModel,
      inputSchema: tool.inputSchema,
    };
  }
}
