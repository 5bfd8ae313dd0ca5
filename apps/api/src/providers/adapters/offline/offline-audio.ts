import { seedOf, seededRandom } from './seeded-random';

export const OFFLINE_SAMPLE_RATE = 22_050;
const MAX_SECONDS = 30;

/** A 16-bit PCM mono WAV file around the samples. */
export function encodeWav(samples: Float32Array, sampleRate = OFFLINE_SAMPLE_RATE): Buffer {
  const dataBytes = samples.length * 2;
  const buf = Buffer.alloc(44 + dataBytes);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size for PCM
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * 2, 28); // byte rate
  buf.writeUInt16LE(2, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    buf.writeInt16LE(Math.round(s * 32767), 44 + i * 2);
  }
  return buf;
}

/**
 * Speech-like tones: a two-note chime that marks the clip as a demo, then one voiced "syllable" per word
 * (pitch and vowel colour from its letters, length from its size), with pauses at spaces and punctuation.
 */
export function renderOfflineSpeech(text: string): { wav: Buffer; durationSeconds: number } {
  const rand = seededRandom(seedOf(text));
  const words = text.split(/\s+/).filter(Boolean).slice(0, 120);
  const parts: Float32Array[] = [chime(), silence(0.15)];
  const basePitch = 110 + rand() * 90;
  let seconds = 0.45;
  for (const word of words) {
    const syllables = Math.max(1, Math.min(4, Math.round(word.length / 3)));
    for (let s = 0; s < syllables && seconds < MAX_SECONDS - 1; s++) {
      const code = word.charCodeAt(s % word.length);
      const length = 0.09 + (code % 7) * 0.015;
      parts.push(syllable(basePitch * (0.85 + ((code * 7) % 30) / 100), 500 + (code % 13) * 120, length));
      seconds += length;
    }
    const pause = /[.!?]$/.test(word) ? 0.35 : /[,;:]$/.test(word) ? 0.2 : 0.07;
    parts.push(silence(pause));
    seconds += pause;
    if (seconds >= MAX_SECONDS - 1) break;
  }
  parts.push(silence(0.2));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const samples = new Float32Array(total);
  let offset = 0;
  for (const p of parts) {
    samples.set(p, offset);
    offset += p.length;
  }
  return { wav: encodeWav(samples), durationSeconds: total / OFFLINE_SAMPLE_RATE };
}

function silence(seconds: number): Float32Array {
  return new Float32Array(Math.round(seconds * OFFLINE_SAMPLE_RATE));
}

function chime(): Float32Array {
  const out = new Float32Array(Math.round(0.3 * OFFLINE_SAMPLE_RATE));
  for (let i = 0; i < out.length; i++) {
    const t = i / OFFLINE_SAMPLE_RATE;
    const freq = t < 0.15 ? 880 : 1320;
    const local = t < 0.15 ? t : t - 0.15;
    out[i] = 0.3 * Math.sin(2 * Math.PI * freq * t) * Math.exp(-local * 18);
  }
  return out;
}

/** A glottal-ish pitch with a vowel formant on top, under a smooth attack and release. */
function syllable(pitch: number, formant: number, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * OFFLINE_SAMPLE_RATE));
  for (let i = 0; i < out.length; i++) {
    const t = i / OFFLINE_SAMPLE_RATE;
    const envelope = Math.sin((Math.PI * i) / out.length) ** 0.6;
    const glide = pitch * (1 + 0.08 * Math.sin((Math.PI * i) / out.length));
    const voice = Math.sin(2 * Math.PI * glide * t) + 0.5 * Math.sin(4 * Math.PI * glide * t);
    const vowel = 0.35 * Math.sin(2 * Math.PI * formant * t) * Math.sin(2 * Math.PI * glide * t);
    out[i] = 0.35 * envelope * (voice * 0.6 + vowel);
  }
  return out;
}
