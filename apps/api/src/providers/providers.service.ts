import { Inject, Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ToolKind } from '@megicai/contracts';
import type Redis from 'ioredis';
import { providersConfig } from '../config/providers.config';
import { redisConfig } from '../config/redis.config';
import { REDIS } from '../redis/redis.module';
import { OFFLINE_PROVIDER_ID } from './adapters/offline/offline.adapter';
import { ProviderError } from './provider-error';
import { closeProviderPool } from './provider-http.pool';
import { ProviderCallListener, ProviderMetrics, ProviderStats } from './provider-metrics';
import { ProviderRegistry } from './provider-registry';
import { CallProfile, CircuitStatus, ProviderResiliencePolicy } from './provider-resilience.policy';
import { AllProvidersFailedError, ProviderAttempt, ProviderPreference, ProviderRun } from './provider-run.interface';
import {
  AiProvider,
  AudioRequest,
  ImageRequest,
  MediaOutput,
  ProgressCallback,
  ProviderModel,
  TextOutput,
  TextRequest,
  VideoRequest,
  defaultModel,
} from './provider.interface';
import { SharedCircuit } from './shared-circuit';
import { streamWithIdleTimeout } from './text-stream.util';

export interface ProviderView {
  id: string;
  name: string;
  kinds: ToolKind[];
  models: ProviderModel[];
  available: boolean;
  healthy: boolean;
  circuit: CircuitStatus;
}

interface Candidate {
  provider: AiProvider;
  model: string;
}

/**
 * The one entry point to the AI providers: runs a request over a tool's ordered provider list, each provider
 * behind its own timeout, retry and circuit breaker. Retryable failures move on to the next provider; a
 * non-retryable one (a 4xx: the request itself is wrong) stops and is thrown unchanged.
 */
@Injectable()
export class ProvidersService implements OnApplicationShutdown {
  private readonly policies = new Map<string, ProviderResiliencePolicy>();
  private readonly metrics = new ProviderMetrics();
  private readonly shared?: SharedCircuit;

  constructor(
    @Inject(providersConfig.KEY) private readonly config: ConfigType<typeof providersConfig>,
    private readonly registry: ProviderRegistry,
    @Optional() @Inject(REDIS) redis?: Redis,
    @Optional() @Inject(redisConfig.KEY) redisSettings?: ConfigType<typeof redisConfig>,
  ) {
    // Without Redis (unit specs) each breaker is this process's own.
    const endpoints = new Map(registry.all().map((p) => [p.id, p.endpoint]));
    const prefix = redisSettings?.prefix ?? 'megicai';
    const shared = redis && new SharedCircuit(redis, prefix, config.breakerHalfOpenMs, undefined, endpoints);
    this.shared = shared || undefined;
    this.shared?.listen();
    for (const provider of registry.all()) {
      this.policies.set(provider.id, new ProviderResiliencePolicy(provider.id, config, shared));
    }
  }

  /** The keep-alive sockets to the providers and the circuit subscription would otherwise hold the process open. */
  async onApplicationShutdown(): Promise<void> {
    this.shared?.stop();
    await closeProviderPool();
  }

  list(): ProviderView[] {
    return this.registry.all().map((p) => ({
      id: p.id,
      name: p.name,
      kinds: [...p.kinds],
      models: [...p.models],
      available: p.available,
      healthy: this.policy(p.id).healthy,
      circuit: this.policy(p.id).circuit,
    }));
  }

  generateText(
    order: readonly string[],
    req: TextRequest,
    prefer?: ProviderPreference,
  ): Promise<ProviderRun<TextOutput>> {
    return this.run(ToolKind.Text, 'standard', order, prefer, req.signal, (p, model, signal) =>
      p.generateText({ ...req, model, signal }),
    );
  }

  generateImage(
    order: readonly string[],
    req: ImageRequest,
    onProgress?: ProgressCallback,
    prefer?: ProviderPreference,
  ): Promise<ProviderRun<MediaOutput>> {
    return this.run(ToolKind.Image, 'standard', order, prefer, req.signal, (p, model, signal) =>
      p.generateImage({ ...req, model, signal }, onProgress),
    );
  }

  generateAudio(
    order: readonly string[],
    req: AudioRequest,
    onProgress?: ProgressCallback,
    prefer?: ProviderPreference,
  ): Promise<ProviderRun<MediaOutput>> {
    return this.run(ToolKind.Audio, 'standard', order, prefer, req.signal, (p, model, signal) =>
      p.generateAudio({ ...req, model, signal }, onProgress),
    );
  }

  generateVideo(
    order: readonly string[],
    req: VideoRequest,
    onProgress?: ProgressCallback,
    prefer?: ProviderPreference,
  ): Promise<ProviderRun<MediaOutput>> {
    return this.run(ToolKind.Video, 'video', order, prefer, req.signal, (p, model, signal) =>
      p.generateVideo({ ...req, model, signal }, onProgress),
    );
  }

  /**
   * Yields tokens; the generator's return value is the run (full text, who answered, failed attempts).
   * Fallback happens only until the first token: once text has reached the caller, a failure is thrown.
   */
  async *streamText(
    order: readonly string[],
    req: TextRequest,
    prefer?: ProviderPreference,
  ): AsyncGenerator<string, ProviderRun<TextOutput>, undefined> {
    const attempts: ProviderAttempt[] = [];
    for (const { provider, model } of this.plan(ToolKind.Text, order, prefer)) {
      const started = Date.now();
      const idle = new AbortController();
      let opened;
      try {
        opened = await this.policy(provider.id).execute(
          'stream',
          async (signal) => {
            // The attempt's signal stops following the caller's once the first token is in: the stream needs both.
            const links = req.signal ? [signal, idle.signal, req.signal] : [signal, idle.signal];
            const iterator = provider.streamText({ ...req, model, signal: AbortSignal.any(links) });
            return { iterator, first: await iterator.next() };
          },
          req.signal,
        );
      } catch (err) {
        this.fail(attempts, ToolKind.Text, provider.id, model, started, err);
        continue;
      }
      try {
        const output = yield* streamWithIdleTimeout(
          opened.iterator,
          opened.first,
          idle,
          this.config.timeoutMs,
          provider.id,
        );
        this.succeed(ToolKind.Text, provider.id, output.model, started);
        return { output, provider: provider.id, model: output.model, attempts, durationMs: Date.now() - started };
      } catch (err) {
        // Text has reached the caller: too late to switch provider.
        throw this.record(ToolKind.Text, provider.id, model, started, err);
      }
    }
    throw new AllProvidersFailedError(ToolKind.Text, attempts);
  }

  /** Per-provider calls, failures, skips and latency percentiles since start-up. */
  stats(): ProviderStats[] {
    return this.metrics.snapshot();
  }

  /** Every provider call as it ends (for Prometheus or analytics); returns an unsubscribe function. */
  onCall(listener: ProviderCallListener): () => void {
    return this.metrics.subscribe(listener);
  }

  private async run<T extends { model: string }>(
    kind: ToolKind,
    profile: CallProfile,
    order: readonly string[],
    prefer: ProviderPreference | undefined,
    signal: AbortSignal | undefined,
    call: (provider: AiProvider, model: string, signal: AbortSignal) => Promise<T>,
  ): Promise<ProviderRun<T>> {
    const attempts: ProviderAttempt[] = [];
    for (const { provider, model } of this.plan(kind, order, prefer)) {
      const started = Date.now();
      try {
        const output = await this.policy(provider.id).execute(profile, (s) => call(provider, model, s), signal);
        this.succeed(kind, provider.id, output.model || model, started);
        return {
          output,
          provider: provider.id,
          model: output.model || model,
          attempts,
          durationMs: Date.now() - started,
        };
      } catch (err) {
        this.fail(attempts, kind, provider.id, model, started, err);
      }
    }
    throw new AllProvidersFailedError(kind, attempts);
  }

  /**
   * The providers to try, in order: the preferred one first, then the tool's order; only those that are
   * configured and can do the kind. When none of them is configured, the offline demo answers instead.
   */
  private plan(kind: ToolKind, order: readonly string[], prefer?: ProviderPreference): Candidate[] {
    if (prefer?.provider) this.assertUsable(prefer.provider, kind);
    const ids = [...new Set([...(prefer?.provider ? [prefer.provider] : []), ...order])];
    const usable = ids
      .map((id) => this.registry.get(id))
      .filter((p): p is AiProvider => p !== undefined && p.available && p.kinds.includes(kind));
    if (usable.length === 0) {
      const offline = this.registry.get(OFFLINE_PROVIDER_ID);
      if (offline?.kinds.includes(kind)) usable.push(offline);
    }
    const candidates = usable.map((provider) => ({ provider, model: this.modelFor(provider, kind, prefer) }));
    // A model named without a provider: start with a provider that offers it.
    if (prefer?.model && !prefer.provider) {
      const index = candidates.findIndex((c) => c.model === prefer.model);
      if (index > 0) candidates.unshift(...candidates.splice(index, 1));
    }
    return candidates;
  }

  private modelFor(provider: AiProvider, kind: ToolKind, prefer?: ProviderPreference): string {
    if (prefer?.model) {
      if (prefer.provider === provider.id) return prefer.model;
      if (!prefer.provider && provider.models.some((m) => m.id === prefer.model && m.kind === kind))
        return prefer.model;
    }
    return defaultModel(provider, kind);
  }

  /** Naming a provider is a request: one that cannot serve it is the caller's error (400), not a silent swap. */
  private assertUsable(id: string, kind: ToolKind): void {
    const provider = this.registry.get(id);
    const reason = !provider
      ? `Unknown provider "${id}"`
      : !provider.kinds.includes(kind)
        ? `Provider "${id}" does not offer ${kind}`
        : !provider.available
          ? `Provider "${id}" is not configured`
          : undefined;
    if (reason) throw new ProviderError(reason, { provider: id, status: 400, code: 'unsupported' });
  }

  private policy(id: string): ProviderResiliencePolicy {
    const policy = this.policies.get(id);
    if (!policy) throw new Error(`No policy for provider ${id}`);
    return policy;
  }

  /** Records a failed provider; rethrows when the error must not fail over. */
  private fail(
    attempts: ProviderAttempt[],
    kind: ToolKind,
    provider: string,
    model: string,
    started: number,
    err: unknown,
  ): void {
    const error = this.record(kind, provider, model, started, err);
    attempts.push({
      provider,
      model,
      error: error.message,
      ...(error.status === undefined ? {} : { status: error.status }),
      code: error.code,
      durationMs: Date.now() - started,
    });
    if (!error.retryable) throw error;
  }

  private succeed(kind: ToolKind, provider: string, model: string, started: number): void {
    this.metrics.record({ provider, model, kind, ok: true, durationMs: Date.now() - started, at: new Date() });
  }

  private record(kind: ToolKind, provider: string, model: string, started: number, err: unknown): ProviderError {
    const error =
      err instanceof ProviderError
        ? err
        : new ProviderError(`${provider}: ${err instanceof Error ? err.message : String(err)}`, {
            provider,
            cause: err,
          });
    if (error.code !== 'aborted') {
      this.metrics.record({
        provider,
        model,
        kind,
        ok: false,
        durationMs: Date.now() - started,
        status: error.status,
        code: error.code,
        error: error.message,
        at: new Date(),
      });
    }
    return error;
  }
}
