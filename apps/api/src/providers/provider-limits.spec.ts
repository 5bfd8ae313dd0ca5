import type { ServerResponse } from 'node:http';
import { ProviderError } from './provider-error';
import { AllProvidersFailedError } from './provider-run.interface';
import { twoProviderService } from './testing/two-provider-service';
import {
  chatChunks,
  chatCompletion,
  FakeHandler,
  FakeServer,
  sendJson,
  sendSse,
  startFakeServer,
} from './testing/fake-http-server';

const ORDER = ['openai', 'openrouter'];
const MB = 1024 * 1024;

/** Writes `total` bytes of `head + filler + tail` in chunks, honouring backpressure; resolves with what was sent. */
async function streamHuge(
  res: ServerResponse,
  type: string,
  head: string,
  filler: string,
  tail: string,
  total: number,
) {
  res.writeHead(200, { 'content-type': type });
  let sent = 0;
  let closed = false;
  res.once('close', () => (closed = true));
  const write = async (chunk: string): Promise<boolean> => {
    if (closed || res.destroyed) return false;
    sent += Buffer.byteLength(chunk);
    if (!res.write(chunk)) {
      // Wait for the client to read, or for it to hang up.
      while (!closed && res.writableNeedDrain) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return !closed;
  };
  if (!(await write(head))) return sent;
  while (sent < total) if (!(await write(filler))) return sent;
  await write(tail);
  res.end();
  return sent;
}

/** Upstream answers are size-limited while reading, and an empty answer is a failure that falls over. */
describe('Provider answers: size limits and empty content (real SDKs against local servers)', () => {
  let first: FakeServer;
  let second: FakeServer;
  let firstHandler: FakeHandler;
  let sent: Promise<number> | undefined;

  beforeEach(async () => {
    sent = undefined;
    first = await startFakeServer((req, res) => firstHandler(req, res));
    second = await startFakeServer((req, res) =>
      req.json().stream
        ? sendSse(res, chatChunks(['a normal answer']))
        : sendJson(res, 200, chatCompletion('a normal answer', 'openai/gpt-4o-mini')),
    );
  });
  afterEach(async () => {
    await first.close();
    await second.close();
  });

  const service = (env: NodeJS.ProcessEnv = {}) =>
    twoProviderService(first, second, { PROVIDER_TIMEOUT_MS: '20000', PROVIDER_RETRIES: '0', ...env });

  it('aborts a 30 MB completion while reading it and falls over to the next provider', async () => {
    firstHandler = (_req, res) => {
      const head = JSON.stringify(chatCompletion('X')).replace('"content":"X"', '"content":"');
      const [start, end] = [
        head.slice(0, head.indexOf('"content":"') + 11),
        head.slice(head.indexOf('"content":"') + 11),
      ];
      sent = streamHuge(res, 'application/json', start, 'A'.repeat(64 * 1024), `"${end.slice(0)}`, 30 * MB);
    };
    const run = await service().generateText(ORDER, { prompt: 'Hi' });
    expect(run).toMatchObject({ provider: 'openrouter', output: { text: 'a normal answer' } });
    expect(run.attempts[0]).toMatchObject({ provider: 'openai', code: 'too_large' });
    // The download was cut off near the limit (2 MiB of JSON for 1 MiB of text), not read to the end.
    expect(await sent).toBeLessThan(8 * MB);
  });

  it('refuses an answer whose Content-Length is over the limit before reading it', async () => {
    firstHandler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(30 * MB) });
      res.write('{"id":');
    };
    const run = await service().generateText(ORDER, { prompt: 'Hi' });
    expect(run.attempts[0]).toMatchObject({ provider: 'openai', code: 'too_large' });
    expect(run.provider).toBe('openrouter');
  });

  it('cuts a 64 MB stream off at the text limit, closing the connection', async () => {
    const chunk = (text: string) => `data: ${JSON.stringify({ ...(chatChunks([text])[1] as object) })}\n\n`;
    firstHandler = (_req, res) => {
      sent = streamHuge(
        res,
        'text/event-stream',
        chunk('start '),
        chunk('B'.repeat(16 * 1024)),
        'data: [DONE]\n\n',
        64 * MB,
      );
    };
    const tokens: string[] = [];
    const stream = service().streamText(ORDER, { prompt: 'Hi' });
    const error = await (async () => {
      try {
        for (let step = await stream.next(); !step.done; step = await stream.next()) tokens.push(step.value);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'too_large' });
    const relayed = tokens.join('').length;
    expect(relayed).toBeGreaterThan(0);
    expect(relayed).toBeLessThanOrEqual(MB);
    expect(await sent).toBeLessThan(24 * MB);
  });

  it('treats `content: null` and an empty answer as failures that fall over, never as a success', async () => {
    for (const content of [null, '', '   ']) {
      firstHandler = (_req, res) => {
        const body = chatCompletion('x') as { choices: { message: { content: unknown } }[] };
        body.choices[0].message.content = content;
        sendJson(res, 200, body);
      };
      const run = await service().generateText(ORDER, { prompt: 'Hi' });
      expect(run.provider).toBe('openrouter');
      expect(run.attempts[0]).toMatchObject({ provider: 'openai', code: 'bad_output' });
    }
  });

  it('treats a stream without text as a failure before the first token, so it falls over', async () => {
    firstHandler = (_req, res) => sendSse(res, chatChunks([]));
    const stream = service().streamText(ORDER, { prompt: 'Hi' });
    const tokens: string[] = [];
    let step = await stream.next();
    for (; !step.done; step = await stream.next()) tokens.push(step.value);
    expect(step.value).toMatchObject({ provider: 'openrouter' });
    expect(step.value.attempts[0]).toMatchObject({ provider: 'openai', code: 'bad_output' });
  });

  it('fails the run (to be refunded) when every provider answers nothing', async () => {
    firstHandler = (_req, res) => sendJson(res, 200, { ...chatCompletion('x'), choices: [] });
    await expect(service().generateText(['openai'], { prompt: 'Hi' })).rejects.toBeInstanceOf(AllProvidersFailedError);
  });
});
