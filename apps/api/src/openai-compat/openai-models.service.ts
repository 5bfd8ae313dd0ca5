import { Injectable } from '@nestjs/common';
import type { ToolKind } from '@megicai/contracts';
import type { Tool } from '../tools/entities/tool.entity';
import { ToolsService } from '../tools/tools.service';
import type { ModelListDto } from './dto/model-list.dto';
import { OpenAiCompatException } from './openai-compat.exception';

/** The kinds of tool that OpenAI's protocol can drive here: chat completions and image generations. */
const MODEL_KINDS: readonly ToolKind[] = ['text', 'image'];

/** Tools seen as OpenAI "models": the model id is the tool's slug. */
@Injectable()
export class OpenAiModelsService {
  constructor(private readonly tools: ToolsService) {}

  async list(): Promise<ModelListDto> {
    const tools = await this.tools.listEnabledEntities();
    return {
      object: 'list',
      data: tools
        .filter((t) => MODEL_KINDS.includes(t.kind))
        .map((t) => ({
          id: t.slug,
          object: 'model' as const,
          created: Math.floor(t.createdAt.getTime() / 1000),
          owned_by: 'megicai',
        })),
    };
  }

  /** The enabled tool of this kind named by `model`; anything else is OpenAI's 404 `model_not_found`. */
  async resolve(model: string, kind: ToolKind): Promise<Tool> {
    const tool = await this.tools.findEntity(model);
    if (!tool || !tool.enabled || tool.kind !== kind) {
      const what = kind === 'text' ? 'chat completions' : 'image generations';
      throw new OpenAiCompatException(
        'model_not_found',
        `The model \`${model}\` does not exist or cannot serve ${what}. GET /api/openai/v1/models lists them.`,
      );
    }
    return tool;
  }
}
