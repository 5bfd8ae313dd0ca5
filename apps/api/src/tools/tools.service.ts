import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { Repository } from 'typeorm';
import { ProblemCode, toCredits, type ToolAlternative } from '@megicai/contracts';
import { ToolsException } from './tools.exception';
import { ProvidersService } from '../providers/providers.service';
import { ToolDto } from './dto/tool.dto';
import { Tool } from './entities/tool.entity';
import { ToolInput, ToolInputValidator } from './tool-input.validator';
import { runCost } from './tool-pricing';
import { SharedMemo } from '../common/cache/shared-memo';
import { redisConfig } from '../config/redis.config';
import { REDIS } from '../redis/redis.module';

/** How stale another process's catalog may be while Redis pub/sub is away (changes are broadcast at once). */
const CATALOG_TTL_MS = 30_000;

interface Catalog {
  /** Every tool, display order. */
  all: Tool[];
  /** By id and by slug. */
  byKey: Map<string, Tool>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an admin may change on a tool (milli-credits for prices). */
export interface ToolPatch {
  creditCost?: number;
  offerCost?: number | null;
  offerStartsAt?: Date | null;
  offerEndsAt?: Date | null;
  premiumOnly?: boolean;
  enabled?: boolean;
  providers?: string[];
  defaultModel?: string | null;
}

/**
 * The tool catalog: what can be run, at what price, with which options and providers. Read on every run, so kept in
 * memory (SharedMemo: an admin change invalidates it in every process over Redis). Entities it hands out are the
 * cached ones: callers read them, never change them (update() edits a fresh copy).
 */
@Injectable()
export class ToolsService implements OnModuleInit, OnModuleDestroy {
  private readonly validator = new ToolInputValidator();
  private readonly catalog: SharedMemo<Catalog>;

  constructor(
    @InjectRepository(Tool) private readonly tools: Repository<Tool>,
    private readonly providers: ProvidersService,
    @Inject(REDIS) redis: Redis,
    @Inject(redisConfig.KEY) redisCfg: ConfigType<typeof redisConfig>,
  ) {
    this.catalog = new SharedMemo(redis, `${redisCfg.prefix}:tools-changed`, CATALOG_TTL_MS, () => this.loadCatalog());
  }

  onModuleInit(): void {
    this.catalog.start();
  }

  onModuleDestroy(): void {
    this.catalog.stop();
  }

  private async loadCatalog(): Promise<Catalog> {
    const all = await this.tools.find({ order: { sortOrder: 'ASC', name: 'ASC' } });
    return { all, byKey: new Map(all.flatMap((t) => [[t.id, t] as const, [t.slug, t] as const])) };
  }

  /** The public catalog: enabled tools, in display order. */
  async list(): Promise<ToolDto[]> {
    const rows = await this.listEnabledEntities();
    const now = new Date();
    return rows.map((t) => ToolDto.from(t, now));
  }

  /** Enabled tools as entities, in display order (the OpenAI-compatible model list needs their creation time). */
  async listEnabledEntities(): Promise<Tool[]> {
    return (await this.catalog.get()).all.filter((t) => t.enabled);
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
    const cached = (await this.catalog.get()).byKey.get(idOrSlug);
    if (cached) return cached;
    // Not in this copy: a tool added since (seeds, migrations); the next read reloads the catalog.
    const tool = await this.read(idOrSlug);
    if (tool) this.catalog.forget();
    return tool;
  }

  private read(idOrSlug: string): Promise<Tool | null> {
    return this.tools.findOne({ where: UUID.test(idOrSlug) ? { id: idOrSlug } : { slug: idOrSlug } });
  }

  /**
   * The admin's edit (prices in milli-credits). 400 for a provider that is unknown or cannot serve the tool's kind,
   * an empty provider list, or an offer without a price; 404 for an unknown tool.
   */
  async update(idOrSlug: string, patch: ToolPatch): Promise<ToolDto> {
    const tool = idOrSlug && idOrSlug.length <= 64 ? await this.read(idOrSlug) : null;
    if (!tool) throw new ToolsException(ProblemCode.NotFound, 'No such tool.');
    if (patch.providers !== undefined) this.checkProviders(tool, patch.providers);
    for (const field of ['creditCost', 'offerCost'] as const) {
      const value = patch[field];
      if (value !== undefined && value !== null && (!Number.isSafeInteger(value) || value < 0)) {
        throw new ToolsException(ProblemCode.ValidationFailed, `${field} must be a non-negative amount.`, {
          errors: [{ field, message: 'must be >= 0' }],
        });
      }
    }
    Object.assign(tool, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
    if (patch.providers) tool.providers = [...new Set(patch.providers)];
    if (tool.offerStartsAt && tool.offerEndsAt && tool.offerStartsAt >= tool.offerEndsAt) {
      throw new ToolsException(ProblemCode.ValidationFailed, 'An offer must start before it ends.', {
        errors: [{ field: 'offerStartsAt', message: 'must be before offerEndsAt' }],
      });
    }
    if ((tool.offerEndsAt || tool.offerStartsAt) && tool.offerCost === null) {
      throw new ToolsException(ProblemCode.ValidationFailed, 'An offer end needs an offer price.', {
        errors: [{ field: 'offerCost', message: 'required with offerEndsAt' }],
      });
    }
    const saved = await this.tools.save(tool);
    await this.catalog.changed();
    return ToolDto.from(saved);
  }

  private checkProviders(tool: Tool, ids: string[]): void {
    if (ids.length === 0) {
      throw new ToolsException(ProblemCode.ValidationFailed, 'A tool needs at least one provider.', {
        errors: [{ field: 'providers', message: 'must not be empty' }],
      });
    }
    const known = new Map(this.providers.list().map((p) => [p.id, p]));
    const errors = ids
      .filter((id) => !known.get(id)?.kinds.includes(tool.kind))
      .map((id) => ({
        field: 'providers',
        message: known.has(id) ? `${id} does not offer ${tool.kind}` : `unknown provider ${id}`,
      }));
    if (errors.length)
      throw new ToolsException(ProblemCode.ValidationFailed, 'Some providers cannot serve this tool.', {
        errors: errors,
      });
  }

  /** Validates a run's input (400 with `errors` otherwise) and returns it normalized, defaults filled in. */
  validateInput(tool: Tool, input: unknown): ToolInput {
    return this.validator.validate(tool.id, tool.updatedAt.getTime(), tool.inputSchema, input);
  }

  /**
   * Up to `limit` enabled tools of the same kind that cost less than `tool` and at most `budget` milli-credits now,
   * the dearest (the closest to what was asked for) first; premium-only ones only for premium members.
   */
  async cheaperAlternatives(tool: Tool, budget: number, premium: boolean, limit = 3): Promise<ToolAlternative[]> {
    const rows = (await this.listEnabledEntities()).filter((t) => t.kind === tool.kind);
    const price = this.costOf(tool);
    return rows
      .filter((t) => t.id !== tool.id && (premium || !t.premiumOnly))
      .map((t) => ({ tool: t, cost: this.costOf(t) }))
      .filter((t) => t.cost < price && t.cost <= budget)
      .sort((a, b) => b.cost - a.cost)
      .slice(0, limit)
      .map((t) => ({ toolId: t.tool.id, name: t.tool.name, cost: toCredits(t.cost) }));
  }

  /** The price of one run now (offer applied), in milli-credits. */
  costOf(tool: Tool, now = new Date()): number {
    return runCost(tool, now);
  }
}
