import { GifReader } from 'omggif';
import { PNG } from 'pngjs';
import { ProviderError } from '../../provider-error';
import { OfflineAdapter } from './offline.adapter';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('OfflineAdapter', () => {
  const offline = new OfflineAdapter(0);

  it('answers text built from the prompt, deterministic and labelled as an offline demo', async () => {
    const a = await offline.generateText({ prompt: 'How do solar panels convert sunlight into electricity?' });
    const b = await offline.generateText({ prompt: 'How do solar panels convert sunlight into electricity?' });
    expect(a.text).toBe(b.text);
    expect(a.text).toMatch(/Offline demo answer/);
    expect(a.text.toLowerCase()).toContain('solar');
    expect(a).toMatchObject({ offline: true, model: 'offline-text' });
    expect(a.label).toMatch(/offline demo/i);
  });

  it('answers with awareness of the earlier turns of a conversation', async () => {
    const out = await offline.generateText({
      prompt: 'And the weather?',
      history: [
        { role: 'user', content: 'Plan a trip to Lisbon' },
        { role: 'assistant', content: 'Sure.' },
      ],
    });
    expect(out.text).toContain('Turn 2 of this conversation, which began with “Plan a trip to Lisbon”');
    expect((await offline.generateText({ prompt: 'And the weather?' })).text).not.toContain('Turn');
  });

  it('follows the intent given by the system prompt', async () => {
    const out = await offline.generateText({
      system: 'Summarize the text.',
      prompt: 'Cats sleep a lot. They hunt at dawn. They purr when content. They dislike water.',
    });
    expect(out.text).toContain('**Summary**');
    expect(out.text).toContain('- Cats sleep a lot.');
  });

  it('streams tokens that add up to the returned text', async () => {
    const stream = offline.streamText({ prompt: 'Explain recursion' });
    let text = '';
    let step = await stream.next();
    while (!step.done) {
      text += step.value;
      step = await stream.next();
    }
    expect(text).toBe(step.value.text);
    expect(text.length).toBeGreaterThan(50);
  });

  it('draws a valid PNG of the requested size, different per prompt', async () => {
    const out = await offline.generateImage({ prompt: 'a red fox at dusk', width: 320, height: 200 });
    const [asset] = out.assets;
    expect(asset?.mimeType).toBe('image/png');
    const data = asset?.data ?? Buffer.alloc(0);
    expect(data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(data.toString('ascii', 12, 16)).toBe('IHDR');
    expect([data.readUInt32BE(16), data.readUInt32BE(20)]).toEqual([320, 200]);
    expect(asset).toMatchObject({ width: 320, height: 200 });

    const decoded = PNG.sync.read(data);
    expect(decoded.width).toBe(320);
    const other = (await offline.generateImage({ prompt: 'a blue whale', width: 320, height: 200 })).assets[0];
    expect(other?.data.equals(data)).toBe(false);
    expect(out).toMatchObject({ offline: true, model: 'offline-image' });
  });

  it('writes a WAV with a correct RIFF/WAVE header', async () => {
    const out = await offline.generateAudio({ prompt: 'Hello, and welcome to the offline demo.' });
    const [asset] = out.assets;
    const wav = asset?.data ?? Buffer.alloc(0);
    expect(asset?.mimeType).toBe('audio/wav');
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    expect(wav.toString('ascii', 12, 16)).toBe('fmt ');
    expect(wav.readUInt16LE(20)).toBe(1); // PCM
    expect(wav.readUInt16LE(22)).toBe(1); // mono
    const sampleRate = wav.readUInt32LE(24);
    expect(wav.toString('ascii', 36, 40)).toBe('data');
    const dataBytes = wav.readUInt32LE(40);
    expect(dataBytes).toBe(wav.length - 44);
    expect(asset?.durationSeconds).toBeCloseTo(dataBytes / 2 / sampleRate, 1);
    expect(asset?.durationSeconds).toBeGreaterThan(1);
    // Not silence.
    let peak = 0;
    for (let i = 44; i < wav.length; i += 2) peak = Math.max(peak, Math.abs(wav.readInt16LE(i)));
    expect(peak).toBeGreaterThan(1000);
  });

  it('renders a short looping animation as a multi-frame GIF', async () => {
    const out = await offline.generateVideo({
      prompt: 'waves on a beach',
      width: 1280,
      height: 720,
      durationSeconds: 2,
    });
    const [asset] = out.assets;
    expect(asset).toMatchObject({ mimeType: 'image/gif', width: 480, height: 270, durationSeconds: 2 });
    const gif = new GifReader(new Uint8Array(asset?.data ?? []));
    expect(asset?.data.toString('ascii', 0, 6)).toBe('GIF89a');
    expect([gif.width, gif.height]).toEqual([480, 270]);
    expect(gif.numFrames()).toBe(20);
    expect(gif.loopCount()).toBe(0);
    const first = new Uint8Array(480 * 270 * 4);
    const later = new Uint8Array(480 * 270 * 4);
    gif.decodeAndBlitFrameRGBA(0, first);
    gif.decodeAndBlitFrameRGBA(10, later);
    expect(Buffer.from(first).equals(Buffer.from(later))).toBe(false);
  });

  it('waits the configured delay in steps, reporting progress up to 100', async () => {
    const slow = new OfflineAdapter(30);
    const progress: number[] = [];
    await slow.generateImage({ prompt: 'x', width: 32, height: 32 }, (p) => progress.push(p));
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
    expect(progress.length).toBeGreaterThan(5);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('stops at once when aborted, with a non-retryable error', async () => {
    const slow = new OfflineAdapter(10_000);
    const controller = new AbortController();
    const pending = slow.generateVideo({ prompt: 'x', signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted', retryable: false });
    await expect(pending).rejects.toBeInstanceOf(ProviderError);
  });
});
