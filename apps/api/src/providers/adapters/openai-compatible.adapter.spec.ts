import { ToolKind } from '@megicai/contracts';
import { PNG } from 'pngjs';
import { ProviderError } from '../provider-error';
import {
  FakeServer,
  chatChunks,
  chatCompletion,
  sendJson,
  sendOpenAiError,
  sendSse,
  startFakeServer,
} from '../testing/fake-http-server';
import { closeProviderPool } from '../provider-http.pool';
import { TEST_LIMITS } from '../testing/test-limits';
import { OpenAiCompatibleAdapter } from './openai-compatible.adapter';

function adapter(server: FakeServer, timeoutMs = 5000): OpenAiCompatibleAdapter {
  return new OpenAiCompatibleAdapter({
    id: 'openai',
    name: 'OpenAI',
    baseURL: `${server.origin}/v1`,
    apiKey: 'sk-test',
    available: true,
    timeoutMs,
    videoPollIntervalMs: 5,
    limits: TEST_LIMITS,
    models: [
      { id: 'gpt-4o-mini', kind: ToolKind.Text, default: true },
      { id: 'dall-e-3', kind: ToolKind.Image, default: true },
      { id: 'tts-1', kind: ToolKind.Audio, default: true },
      { id: 'sora-2', kind: ToolKind.Video, default: true },
    ],
  });
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

function tinyPng(width: number, height: number): Buffer {
  return PNG.sync.write(new PNG({ width, height }));
}

describe('OpenAiCompatibleAdapter against a local OpenAI wire-format server', () => {
  let server: FakeServer;
  let handler: Parameters<typeof startFakeServer>[0];

  beforeEach(async () => {
    server = await startFakeServer((req, res) => handler(req, res));
  });
  afterEach(() => server.close());
  afterAll(() => closeProviderPool());

  it('sends a chat completion and reads the JSON answer', async () => {
    handler = (_req, res) => sendJson(res, 200, chatCompletion('Hello there'));
    const out = await adapter(server).generateText({ prompt: 'Hi', system: 'Be brief', temperature: 0.2 });

    expect(out).toMatchObject({ text: 'Hello there', model: 'gpt-4o-mini', offline: false, finishReason: 'stop' });
    expect(out.usage).toEqual({ promptTokens: 5, completionTokens: 7 });
    const [req] = server.requests;
    expect(req?.path).toBe('/v1/chat/completions');
    expect(req?.headers.authorization).toBe('Bearer sk-test');
    expect(req?.json()).toMatchObject({
      model: 'gpt-4o-mini',
      temperature: 0.2,
      messages: [
        { role: 'system', content: 'Be brief' },
        { role: 'user', content: 'Hi' },
      ],
    });
  });

  it('sends sequential calls over one kept-alive connection', async () => {
    handler = (_req, res) => sendJson(res, 200, chatCompletion('ok'));
    const openai = adapter(server);
    for (let i = 0; i < 20; i++) await openai.generateText({ prompt: `call ${i}` });

    expect(server.count('/v1/chat/completions')).toBe(20);
    // Without keep-alive, 20. A call made the instant the previous answer ends may find its socket not yet back
    // in the pool and open a second one; from then on the two take turns.
    expect(server.connections()).toBeLessThanOrEqual(2);
  });

  it('streams SSE tokens and returns the whole text with usage', async () => {
    handler = (_req, res) => sendSse(res, chatChunks(['Hel', 'lo', ' world']));
    const stream = adapter(server).streamText({ prompt: 'Hi' });
    const tokens: string[] = [];
    let step = await stream.next();
    while (!step.done) {
      tokens.push(step.value);
      step = await stream.next();
    }
    expect(tokens).toEqual(['Hel', 'lo', ' world']);
    expect(step.value).toMatchObject({ text: 'Hello world', finishReason: 'stop', usage: { completionTokens: 3 } });
    expect(server.requests[0]?.json()).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('maps an error body to a non-retryable ProviderError for a 400', async () => {
    handler = (_req, res) => sendOpenAiError(res, 400, "Invalid value for 'temperature'");
    const err = await rejection(adapter(server).generateText({ prompt: 'Hi' }));
    expect(err).toMatchObject({ status: 400, retryable: false, code: 'http', provider: 'openai' });
    expect(err.message).toContain("Invalid value for 'temperature'");
  });

  it('reads Retry-After from a 429 and marks it retryable', async () => {
    handler = (_req, res) => sendOpenAiError(res, 429, 'Rate limit reached', { 'retry-after': '2' });
    const err = await rejection(adapter(server).generateText({ prompt: 'Hi' }));
    expect(err).toMatchObject({ status: 429, retryable: true, retryAfterMs: 2000 });
  });

  it('marks a 500 retryable', async () => {
    handler = (_req, res) => sendOpenAiError(res, 500, 'The server had an error');
    const err = await rejection(adapter(server).generateText({ prompt: 'Hi' }));
    expect(err).toMatchObject({ status: 500, retryable: true });
  });

  it('turns a slow answer into a retryable timeout', async () => {
    handler = () => undefined; // never answers
    const err = await rejection(adapter(server, 100).generateText({ prompt: 'Hi' }));
    // Under jest the fetch AbortError comes from another realm and the SDK reports it as a connection error.
    expect(err.retryable).toBe(true);
    expect(['timeout', 'network']).toContain(err.code);
  });

  it('turns a dropped connection into a retryable network error', async () => {
    handler = (_req, res) => res.socket?.destroy();
    const err = await rejection(adapter(server).generateText({ prompt: 'Hi' }));
    expect(err).toMatchObject({ code: 'network', retryable: true, status: undefined });
  });

  it('reports an abort by the caller as a non-retryable abort', async () => {
    handler = () => undefined;
    const controller = new AbortController();
    const pending = adapter(server).generateText({ prompt: 'Hi', signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const err = await rejection(pending);
    expect(err).toMatchObject({ code: 'aborted', retryable: false });
  });

  it('throws a ProviderError for an error event in the middle of a stream', async () => {
    handler = (_req, res) =>
      sendSse(
        res,
        [...chatChunks(['partial']).slice(0, 2), { error: { message: 'overloaded', type: 'server_error' } }],
        false,
      );
    const stream = adapter(server).streamText({ prompt: 'Hi' });
    expect((await stream.next()).value).toBe('partial');
    await rejection(stream.next());
  });

  it('generates images as b64_json, with a size the model accepts', async () => {
    const png = tinyPng(64, 32);
    handler = (_req, res) =>
      sendJson(res, 200, { created: 1, data: [{ b64_json: png.toString('base64'), revised_prompt: 'a cat' }] });
    const out = await adapter(server).generateImage({ prompt: 'a cat', width: 1600, height: 900 });

    expect(server.requests[0]?.path).toBe('/v1/images/generations');
    expect(server.requests[0]?.json()).toMatchObject({
      model: 'dall-e-3',
      prompt: 'a cat',
      n: 1,
      size: '1792x1024',
      response_format: 'b64_json',
    });
    expect(out.assets).toHaveLength(1);
    expect(out.assets[0]).toMatchObject({ mimeType: 'image/png', width: 64, height: 32 });
    expect(out.assets[0]?.data.equals(png)).toBe(true);
  });

  it('fetches speech bytes from audio.speech', async () => {
    const mp3 = Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 1, 2, 3]);
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'audio/mpeg' });
      res.end(mp3);
    };
    const out = await adapter(server).generateAudio({ prompt: 'Say hi', voice: 'nova' });
    expect(server.requests[0]?.path).toBe('/v1/audio/speech');
    expect(server.requests[0]?.json()).toMatchObject({
      model: 'tts-1',
      input: 'Say hi',
      voice: 'nova',
      response_format: 'mp3',
    });
    expect(out.assets[0]).toMatchObject({ mimeType: 'audio/mpeg' });
    expect(out.assets[0]?.data.equals(mp3)).toBe(true);
  });

  it('creates a video, polls it with progress, then downloads the content', async () => {
    const mp4 = Buffer.from('fake-mp4-bytes');
    const video = (status: string, progress: number) => ({
      id: 'video_123',
      object: 'video',
      model: 'sora-2',
      status,
      progress,
      created_at: 1,
      completed_at: status === 'completed' ? 2 : null,
      expires_at: null,
      error: null,
      prompt: 'waves',
      remixed_from_video_id: null,
      seconds: '4',
      size: '1280x720',
    });
    const states = [video('in_progress', 40), video('in_progress', 80), video('completed', 100)];
    handler = (req, res) => {
      if (req.method === 'POST' && req.path === '/v1/videos') return sendJson(res, 200, video('queued', 0));
      if (req.path === '/v1/videos/video_123') return sendJson(res, 200, states.shift());
      if (req.path.startsWith('/v1/videos/video_123/content')) {
        res.writeHead(200, { 'content-type': 'video/mp4' });
        return res.end(mp4);
      }
      sendOpenAiError(res, 404, 'not found');
    };
    const progress: number[] = [];
    const out = await adapter(server).generateVideo({ prompt: 'waves', durationSeconds: 5 }, (p) => progress.push(p));

    const create = server.requests[0];
    expect(create?.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(create?.body.toString()).toContain('waves');
    expect(progress).toEqual([0, 40, 80, 100]);
    expect(out.assets[0]).toMatchObject({ mimeType: 'video/mp4', width: 1280, height: 720, durationSeconds: 4 });
    expect(out.assets[0]?.data.equals(mp4)).toBe(true);
  });

  it('fails a video that the provider reports as failed', async () => {
    handler = (_req, res) =>
      sendJson(res, 200, {
        id: 'video_9',
        object: 'video',
        model: 'sora-2',
        status: 'failed',
        progress: 0,
        error: { code: 'internal_error', message: 'render crashed' },
        seconds: '4',
        size: '1280x720',
      });
    const err = await rejection(adapter(server).generateVideo({ prompt: 'x' }));
    expect(err).toMatchObject({ code: 'generation_failed', retryable: true });
    expect(err.message).toContain('render crashed');
  });
});
