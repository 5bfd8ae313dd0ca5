import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ProblemException } from '../common/errors/problem.exception';
import { ToolDto } from './dto/tool.dto';
import { Tool } from './entities/tool.entity';
import { ToolInput, ToolInputValidator } from './tool-input.validator';
import { runCost } from './tool-pricing';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an admin may change on a tool (milli-credits for prices). */
export interface ToolPatch {
  creditCost?: number;
  offerCost?: number | null;
  offerEndsAt?: Date | null;
  premiumOnly?: boolean;
  enabled?: boolean;
  providers?: string[];
  defaultModel?: string | null;
}

/** The tool catalog: what can be run, at what price, with which options and providers. */
@Injectable()
export class ToolsService {
  private readonly validator = new ToolInputValidator();

  constructor(@InjectRepository(Tool) private readonly tools: Repository<Tool>) {}

  /** The public catalog: enabled tools, in display order. */
  async list(): Promise<ToolDto[]> {
    const rows = await this.tools.find({ where: { enabled: true }, order: { sortOrder: 'ASC', name: 'ASC' } });
    const now = new Date();
    return rows.map((t) => ToolDto.from(t, now));
  }

  /** Every tool, disabled ones included (admin). */
  async listAll(): Promise<ToolDto[]> {
    const rows = await this.tools.find({ order: { sortOrder: 'ASC', name: 'ASC' } });
    return rows.map((t) => ToolDto.from(t));
  }

  /** A tool by UUID or slug, disabled ones included; null when unknown. */
  async findById(idOrSlug: string): Promise<ToolDto | null> {
    const tool = await this.findEntity(idOrSlug);
    return tool ? ToolDto.from(tool) : null;
  }

  /** The entity, for the jobs service (which needs the system prompt and the raw milli-credit prices). */
  async findEntity(idOrSlug: string): Promise<Tool | null> {
    if (!idOrSlug || idOrSlug.length > 64) return null;
    return this.tools.findOne({ where: UUID.test(idOrSlug) ? { id: idOrSlug } : { slug: idOrSlug } });
  }

  async update(idOrSlug: string, patch: ToolPatch): Promise<ToolDto> {
    const tool = await this.findEntity(idOrSlug);
    if (!tool) throw ProblemException.notFound('No such tool.');
    Object.assign(tool, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
    return ToolDto.from(await this.tools.save(tool));
  }

  /** Validates a run's input (400 with `errors` otherwise) and returns it normalized, defaults filled in. */
  validateInput(tool: Tool, input: unknown): ToolInput {
    return this.validator.validate(tool.id, tool.updatedAt.getTime(), tool.inputSchema, input);
  }

  /** The price of one run now (offer applied), in milli-credits. */
  costOf(tool: Tool, now = new Date()): number {
    return runCost(tool, now);
  }
}
