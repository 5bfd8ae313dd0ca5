import { ToolKind } from '@megicai/contracts';
import { PNG } from 'pngjs';
import { ProviderError } from '../provider-error';
import {
  FakeServer,
  chatChunks,
  chatCompletion,
  sendJson,
  sendSse,
  startFakeServer,
} from '../testing/fake-http-server';
import { closeProviderPool } from '../provider-http.pool';
import { TEST_LIMITS } from '../testing/test-limits';
import { HuggingFaceAdapter } from './huggingface.adapter';

function adapter(server: FakeServer): HuggingFaceAdapter {
  return new HuggingFaceAdapter({
    id: 'huggingface',
    name: 'Hugging Face',
    apiKey: 'hf_test',
    endpointUrl: server.origin,
    limits: TEST_LIMITS,
    available: true,
    models: [
      { id: 'meta-llama/Llama-3.1-8B-Instruct', kind: ToolKind.Text, default: true },
      { id: 'black-forest-labs/FLUX.1-schnell', kind: ToolKind.Image, default: true },
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

describe('HuggingFaceAdapter against a local Hugging Face wire-format server', () => {
  let server: FakeServer;
  let handler: Parameters<typeof startFakeServer>[0];

  beforeEach(async () => {
    server = await startFakeServer((req, res) => handler(req, res));
  });
  afterEach(() => server.close());
  afterAll(() => closeProviderPool());

  it('runs chat completion on the endpoint (TGI Messages API)', async () => {
    handler = (_req, res) => sendJson(res, 200, chatCompletion('Bonjour', 'tgi'));
    const out = await adapter(server).generateText({ prompt: 'Translate hello', maxTokens: 20 });

    expect(out).toMatchObject({ text: 'Bonjour', offline: false, usage: { promptTokens: 5, completionTokens: 7 } });
    const [req] = server.requests;
    expect(req?.path).toBe('/v1/chat/completions');
    expect(req?.headers.authorization).toBe('Bearer hf_test');
    expect(req?.json()).toMatchObject({
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      max_tokens: 20,
      messages: [{ role: 'user', content: 'Translate hello' }],
    });
  });

  it('sends sequential calls over one kept-alive connection', async () => {
    handler = (_req, res) => sendJson(res, 200, chatCompletion('ok'));
    const hf = adapter(server);
    for (let i = 0; i < 20; i++) await hf.generateText({ prompt: `call ${i}` });

    expect(server.requests).toHaveLength(20);
    // Without keep-alive, 20. A call made the instant the previous answer ends may find its socket not yet back
    // in the pool and open a second one; from then on the two take turns.
    expect(server.connections()).toBeLessThanOrEqual(2);
  });

  it('streams chat completion tokens over SSE', async () => {
    handler = (_req, res) => sendSse(res, chatChunks(['Bon', 'jour']));
    const stream = adapter(server).streamText({ prompt: 'Translate hello' });
    const tokens: string[] = [];
    let step = await stream.next();
    while (!step.done) {
      tokens.push(step.value);
      step = await stream.next();
    }
    expect(tokens).toEqual(['Bon', 'jour']);
    expect(step.value.text).toBe('Bonjour');
    expect(server.requests[0]?.json()).toMatchObject({ stream: true });
  });

  it('posts text-to-image inputs and parameters and reads the image bytes', async () => {
    const png = PNG.sync.write(new PNG({ width: 48, height: 40 }));
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(png);
    };
    const progress: number[] = [];
    const out = await adapter(server).generateImage({ prompt: 'a fox', width: 512, height: 384 }, (p) =>
      progress.push(p),
    );

    expect(server.requests[0]?.path).toBe('/');
    expect(server.requests[0]?.json()).toMatchObject({ inputs: 'a fox', parameters: { width: 512, height: 384 } });
    expect(out.assets[0]).toMatchObject({ mimeType: 'image/png', width: 48, height: 40 });
    expect(out.assets[0]?.data.equals(png)).toBe(true);
    expect(progress).toEqual([100]);
  });

  it('maps a 503 "model is loading" body to a retryable error without looping on it', async () => {
    handler = (_req, res) => sendJson(res, 503, { error: 'Model is currently loading', estimated_time: 20 });
    const err = await rejection(adapter(server).generateImage({ prompt: 'a fox' }));
    expect(err).toMatchObject({ status: 503, retryable: true });
    expect(err.message).toContain('Model is currently loading');
    expect(server.count()).toBe(1);
  });

  it('maps a 400 to a non-retryable error', async () => {
    handler = (_req, res) => sendJson(res, 400, { error: 'Input validation error: `inputs` must be non-empty' });
    const err = await rejection(adapter(server).generateImage({ prompt: '' }));
    expect(err).toMatchObject({ status: 400, retryable: false });
  });

  it('maps a dropped connection to a retryable network error', async () => {
    handler = (_req, res) => res.socket?.destroy();
    const err = await rejection(adapter(server).generateText({ prompt: 'hi' }));
    expect(err).toMatchObject({ code: 'network', retryable: true });
  });

  it('rejects kinds it does not offer as a 400', async () => {
    const err = await rejection(adapter(server).generateAudio());
    expect(err).toMatchObject({ code: 'unsupported', retryable: false });
  });
});
