import { GifWriter } from 'omggif';
import { drawLabel, labelBox } from './demo-label';
import { hslToRgb, seedOf, seededRandom, Rgb } from './seeded-random';

const FPS = 10;
const MAX_SIDE = 480;
const GRADIENT = { start: 3, size: 128 };
const SHADES = { start: 131, size: 64 };
const [BLACK, WHITE, LABEL_BG] = [0, 1, 2];

export interface OfflineAnimation {
  data: Buffer;
  mimeType: 'image/gif';
  width: number;
  height: number;
  durationSeconds: number;
  frames: number;
}

interface Orb {
  radius: number;
  orbit: number;
  speed: number;
  phase: number;
  shade: number;
}

/**
 * A looping GIF derived from the prompt: a drifting two-hue gradient with orbs circling its centre,
 * labelled "OFFLINE DEMO". GIF rather than MP4 because browsers play it everywhere without a codec.
 */
export function renderOfflineAnimation(
  prompt: string,
  width: number,
  height: number,
  durationSeconds: number,
  maxSide = MAX_SIDE,
): OfflineAnimation {
  const scale = Math.min(1, Math.min(maxSide, MAX_SIDE) / Math.max(width, height));
  const w = Math.max(32, Math.round(width * scale));
  const h = Math.max(32, Math.round(height * scale));
  const seconds = Math.max(1, Math.min(6, Math.round(durationSeconds)));
  const frames = seconds * FPS;
  const rand = seededRandom(seedOf(prompt));
  const hue = rand() * 360;
  const palette = makePalette(hue, rand);
  const orbs: Orb[] = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => ({
    radius: (0.05 + rand() * 0.1) * Math.min(w, h),
    orbit: (0.1 + rand() * 0.3) * Math.min(w, h),
    speed: (rand() < 0.5 ? -1 : 1) * (1 + Math.floor(rand() * 2)),
    phase: rand() * Math.PI * 2,
    shade: Math.floor(rand() * SHADES.size),
  }));

  const out = Buffer.alloc(w * h * frames * 2 + 4096);
  const gif = new GifWriter(out, w, h, { palette, loop: 0 });
  const pixels = new Array<number>(w * h).fill(0);
  const label = labelBox(w, h);
  for (let f = 0; f < frames; f++) {
    // One full turn over the clip, so the loop has no visible seam.
    const turn = (f / frames) * Math.PI * 2;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const t = (x / w + y / h) / 2 + 0.25 * Math.sin(turn);
        const wave = Math.abs((((t % 1) + 1) % 1) * 2 - 1);
        pixels[y * w + x] = GRADIENT.start + Math.min(GRADIENT.size - 1, Math.floor(wave * GRADIENT.size));
      }
    }
    for (const orb of orbs) {
      const angle = orb.phase + turn * orb.speed;
      paintDisc(pixels, w, h, w / 2 + Math.cos(angle) * orb.orbit, h / 2 + Math.sin(angle) * orb.orbit, orb);
    }
    drawLabel(label, (x, y, isText) => {
      pixels[y * w + x] = isText ? WHITE : LABEL_BG;
    });
    gif.addFrame(0, 0, w, h, pixels, { delay: 100 / FPS });
  }
  const length = gif.end();
  return {
    data: Buffer.from(out.subarray(0, length)),
    mimeType: 'image/gif',
    width: w,
    height: h,
    durationSeconds: seconds,
    frames,
  };
}

function paintDisc(pixels: number[], w: number, h: number, cx: number, cy: number, orb: Orb): void {
  const r = orb.radius;
  for (let y = Math.max(0, Math.floor(cy - r)); y < Math.min(h, Math.ceil(cy + r)); y++) {
    for (let x = Math.max(0, Math.floor(cx - r)); x < Math.min(w, Math.ceil(cx + r)); x++) {
      const d = Math.hypot(x - cx, y - cy) / r;
      if (d >= 1) continue;
      // Lighter toward the centre: a cheap sphere.
      const shade = Math.min(SHADES.size - 1, Math.floor(d * 40 + orb.shade * 0.3));
      pixels[y * w + x] = SHADES.start + shade;
    }
  }
}

/** 256 colours as omggif wants them (0xRRGGBB): fixed label colours, a gradient ramp, and orb shades. */
function makePalette(hue: number, rand: () => number): number[] {
  const palette = new Array<number>(256).fill(0);
  const pack = ([r, g, b]: Rgb) => (r << 16) | (g << 8) | b;
  palette[BLACK] = 0x000000;
  palette[WHITE] = 0xffffff;
  palette[LABEL_BG] = 0x202020;
  const from = hslToRgb(hue, 0.6, 0.5);
  const to = hslToRgb((hue + 100 + rand() * 100) % 360, 0.7, 0.25);
  for (let i = 0; i < GRADIENT.size; i++) {
    const t = i / (GRADIENT.size - 1);
    palette[GRADIENT.start + i] = pack([0, 1, 2].map((c) => Math.round(from[c]! + (to[c]! - from[c]!) * t)) as Rgb);
  }
  const orbHue = (hue + 180) % 360;
  for (let i = 0; i < SHADES.size; i++) {
    palette[SHADES.start + i] = pack(hslToRgb(orbHue, 0.8, 0.85 - (i / SHADES.size) * 0.5));
  }
  return palette;
}
