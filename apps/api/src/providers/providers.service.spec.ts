import { ProviderError } from './provider-error';
import { AllProvidersFailedError } from './provider-run.interface';
import { ProvidersService } from './providers.service';
import {
  FakeHandler,
  FakeServer,
  chatChunks,
  chatCompletion,
  sendJson,
  sendOpenAiError,
  sendSse,
  startFakeServer,
} from './testing/fake-http-server';
import { twoProviderService } from './testing/two-provider-service';

const ORDER = ['openai', 'openrouter', 'offline'];

describe('ProvidersService fallback over real adapters and local servers', () => {
  let first: FakeServer;
  let second: FakeServer;
  let firstHandler: FakeHandler;
  let secondHandler: FakeHandler;

  beforeEach(async () => {
    first = await startFakeServer((req, res) => firstHandler(req, res));
    second = await startFakeServer((req, res) => secondHandler(req, res));
    secondHandler = (_req, res) => sendJson(res, 200, chatCompletion('from the second provider', 'openai/gpt-4o-mini'));
  });
  afterEach(async () => {
    await first.close();
    await second.close();
  });

  function service(env: NodeJS.ProcessEnv = {}): ProvidersService {
    return twoProviderService(first, second, {
      PROVIDER_TIMEOUT_MS: '2000',
      PROVIDER_RETRIES: '1',
      PROVIDER_RETRY_BASE_DELAY_MS: '1',
      PROVIDER_RETRY_MAX_DELAY_MS: '10',
      PROVIDER_BREAKER_THRESHOLD: '2',
      PROVIDER_BREAKER_HALF_OPEN_MS: '60000',
      ...env,
    });
  }

  it('fails over from a 500 to the next provider and records the attempt', async () => {
    firstHandler = (_req, res) => sendOpenAiError(res, 500, 'The server had an error');
    const run = await service().generateText(ORDER, { prompt: 'Hi' });

    expect(run.output.text).toBe('from the second provider');
    expect(run).toMatchObject({ provider: 'openrouter', model: 'openai/gpt-4o-mini' });
    expect(run.attempts).toEqual([
      expect.objectContaining({ provider: 'openai', model: 'gpt-4o-mini', status: 500, code: 'http' }),
    ]);
    expect(run.attempts[0]?.error).toContain('The server had an error');
    expect(first.count('/v1/chat/completions')).toBe(2); // first try + one retry
    expect(second.count()).toBe(1);
  });

  it('does not fail over on a 400 and throws it as it is', async () => {
    firstHandler = (_req, res) => sendOpenAiError(res, 400, 'Invalid prompt');
    const err: unknown = await service()
      .generateText(ORDER, { prompt: 'Hi' })
      .catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ProviderError);
    expect(err).not.toBeInstanceOf(AllProvidersFailedError);
    expect(err).toMatchObject({ status: 400, retryable: false, provider: 'openai' });
    expect(first.count()).toBe(1);
    expect(second.count()).toBe(0);
  });

  it('opens the circuit after repeated failures and then skips the dead provider without a request', async () => {
    firstHandler = (_req, res) => sendOpenAiError(res, 503, 'Overloaded');
    const providers = service();

    await providers.generateText(ORDER, { prompt: 'one' }); // two failures: the circuit opens
    expect(first.count()).toBe(2);
    expect(providers.list().find((p) => p.id === 'openai')).toMatchObject({ healthy: false, circuit: 'open' });

    const run = await providers.generateText(ORDER, { prompt: 'two' });
    expect(first.count()).toBe(2); // nothing more reached the dead provider
    expect(run.provider).toBe('openrouter');
    expect(run.attempts).toEqual([expect.objectContaining({ provider: 'openai', code: 'circuit_open' })]);
    expect(providers.stats().find((s) => s.provider === 'openai')).toMatchObject({ calls: 1, failures: 1, skipped: 1 });
  });

  it('lets a trial call through once the circuit is half-open, and closes it on success', async () => {
    firstHandler = (_req, res) => sendOpenAiError(res, 500, 'down');
    const providers = service({ PROVIDER_BREAKER_HALF_OPEN_MS: '30' });
    await providers.generateText(ORDER, { prompt: 'one' });
    expect(providers.list().find((p) => p.id === 'openai')?.healthy).toBe(false);

    firstHandler = (_req, res) => sendJson(res, 200, chatCompletion('back again'));
    await new Promise((r) => setTimeout(r, 60));
    const run = await providers.generateText(ORDER, { prompt: 'two' });
    expect(run).toMatchObject({ provider: 'openai', attempts: [] });
    expect(providers.list().find((p) => p.id === 'openai')).toMatchObject({ healthy: true, circuit: 'closed' });
  });

  it('retries a 429 on the same provider, honouring a (bounded) Retry-After', async () => {
    let calls = 0;
    firstHandler = (_req, res) =>
      ++calls === 1
        ? sendOpenAiError(res, 429, 'Slow down', { 'retry-after': '30' })
        : sendJson(res, 200, chatCompletion('after the wait'));
    const run = await service().generateText(ORDER, { prompt: 'Hi' });
    expect(run).toMatchObject({ provider: 'openai', attempts: [], output: { text: 'after the wait' } });
    expect(first.count()).toBe(2);
  });

  it('times out a slow provider and fails over', async () => {
    firstHandler = () => undefined; // never answers
    // The timeout applies to the answering provider too: long enough for it to answer on a busy machine.
    const run = await service({ PROVIDER_TIMEOUT_MS: '1500', PROVIDER_RETRIES: '0' }).generateText(ORDER, {
      prompt: 'Hi',
    });
    expect(run.provider).toBe('openrouter');
    expect(run.attempts[0]).toMatchObject({ provider: 'openai', code: 'timeout' });
  });

  it('fails over on a dropped connection', async () => {
    firstHandler = (_req, res) => res.socket?.destroy();
    const run = await service().generateText(ORDER, { prompt: 'Hi' });
    expect(run.provider).toBe('openrouter');
    expect(run.attempts[0]).toMatchObject({ provider: 'openai', code: 'network' });
  });

  it('lists every attempt when all providers fail', async () => {
    firstHandler = (_req, res) => sendOpenAiError(res, 500, 'first down');
    secondHandler = (_req, res) => sendOpenAiError(res, 502, 'second down');
    const err: unknown = await service()
      .generateText(['openai', 'openrouter'], { prompt: 'Hi' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AllProvidersFailedError);
    const failed = err as AllProvidersFailedError;
    expect(failed.attempts.map((a) => [a.provider, a.status])).toEqual([
      ['openai', 500],
      ['openrouter', 502],
    ]);
    expect(failed.message).toContain('first down');
    expect(failed.message).toContain('second down');
  });

  it('streams with fallback before the first token, returning the run at the end', async () => {
    firstHandler = (_req, res) => sendOpenAiError(res, 500, 'down');
    secondHandler = (_req, res) => sendSse(res, chatChunks(['Hi', ' there'], 'openai/gpt-4o-mini'));
    const stream = service().streamText(ORDER, { prompt: 'Hi' });
    const tokens: string[] = [];
    let step = await stream.next();
    while (!step.done) {
      tokens.push(step.value);
      step = await stream.next();
    }
    expect(tokens).toEqual(['Hi', ' there']);
    expect(step.value).toMatchObject({ provider: 'openrouter', output: { text: 'Hi there' } });
    expect(step.value.attempts).toEqual([expect.objectContaining({ provider: 'openai', status: 500 })]);
  });

  it('tries the preferred provider and model first', async () => {
    firstHandler = (_req, res) => sendJson(res, 200, chatCompletion('first'));
    const run = await service().generateText(
      ORDER,
      { prompt: 'Hi' },
      { provider: 'openrouter', model: 'deepseek/deepseek-chat' },
    );
    expect(run.provider).toBe('openrouter');
    expect(second.requests[0]?.json()).toMatchObject({ model: 'deepseek/deepseek-chat' });
    expect(first.count()).toBe(0);
  });

  it('rejects a preferred provider that cannot serve the kind as a 400', async () => {
    const providers = service();
    await expect(
      providers.generateImage(ORDER, { prompt: 'x' }, undefined, { provider: 'openrouter' }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'unsupported',
    });
    await expect(providers.generateText(ORDER, { prompt: 'x' }, { provider: 'nope' })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('uses the offline provider when nothing in the order is configured', async () => {
    const providers = service({ OPENAI_API_KEY: '', OPENROUTER_API_KEY: '' });
    const run = await providers.generateImage(['openai', 'huggingface'], { prompt: 'a cat', width: 64, height: 48 });
    expect(run).toMatchObject({ provider: 'offline', model: 'offline-image', attempts: [], output: { offline: true } });
    expect(run.output.assets[0]).toMatchObject({ mimeType: 'image/png', width: 64, height: 48 });
    expect(first.count()).toBe(0);
  });

  it('runs audio and video through the offline provider with progress', async () => {
    const providers = service();
    const audio = await providers.generateAudio(['offline'], { prompt: 'hello world' });
    expect(audio.output.assets[0]?.data.toString('ascii', 8, 12)).toBe('WAVE');
    const progress: number[] = [];
    const video = await providers.generateVideo(
      ['offline'],
      { prompt: 'waves', width: 96, height: 64, durationSeconds: 1 },
      (p) => progress.push(p),
    );
    expect(video.output.assets[0]).toMatchObject({ mimeType: 'image/gif', width: 96, height: 64 });
    expect(progress.at(-1)).toBe(100);
  });

  it('does not fail over or count against the provider when the caller aborts', async () => {
    firstHandler = () => undefined;
    const providers = service();
    const controller = new AbortController();
    const pending = providers.generateText(ORDER, { prompt: 'Hi', signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toMatchObject({ code: 'aborted', retryable: false });
    expect(second.count()).toBe(0);
    expect(providers.list().find((p) => p.id === 'openai')?.healthy).toBe(true);
  });

  it('lists providers with availability and health, and reports calls to listeners', async () => {
    const providers = service({ OPENROUTER_API_KEY: '' });
    const samples: string[] = [];
    providers.onCall((s) => samples.push(`${s.provider}:${s.ok}`));
    firstHandler = (_req, res) => sendJson(res, 200, chatCompletion('ok'));
    await providers.generateText(ORDER, { prompt: 'Hi' });

    const list = providers.list();
    expect(list.map((p) => p.id)).toEqual(['openai', 'openrouter', 'deepseek', 'ollama', 'huggingface', 'offline']);
    expect(list.find((p) => p.id === 'openrouter')).toMatchObject({ available: false, healthy: true });
    expect(list.find((p) => p.id === 'offline')).toMatchObject({
      available: true,
      kinds: ['text', 'image', 'audio', 'video'],
    });
    expect(samples).toEqual(['openai:true']);
    expect(providers.stats()[0]).toMatchObject({ provider: 'openai', calls: 1, failures: 0, errorRate: 0 });
  });
});
