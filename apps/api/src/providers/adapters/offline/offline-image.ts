import { encodeRgbPng } from './png-encoder';
import { drawLabel, labelBox } from './demo-label';
import { hslToRgb, seedOf, seededRandom, Rgb } from './seeded-random';

export const MAX_OFFLINE_IMAGE_SIDE = 2048;

interface Shape {
  kind: 'circle' | 'ring' | 'square';
  cx: number;
  cy: number;
  r: number;
  color: Rgb;
  alpha: number;
}

/**
 * A PNG derived from the prompt: a two-hue gradient and a seeded composition of translucent shapes,
 * with the "OFFLINE DEMO" label burnt in. Same prompt and size, same picture.
 *
 * It is what a media job's worker spends most of its CPU on with the offline provider (issue 10: pngjs's per-byte
 * filter and packing and a level-6 deflate were over half of it), so it is drawn row by row into RGB, each shape
 * only over the span of the row it covers, and written by `encodeRgbPng` (node:zlib only).
 */
export function renderOfflinePng(prompt: string, width: number, height: number, variant = 0): Buffer {
  const w = clampSide(width);
  const h = clampSide(height);
  const rand = seededRandom(seedOf(`${prompt}#${variant}`));
  const hue = rand() * 360;
  const from = hslToRgb(hue, 0.65, 0.55);
  const to = hslToRgb((hue + 90 + rand() * 120) % 360, 0.7, 0.3);
  const angle = rand() * Math.PI * 2;
  const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
  const shapes = makeShapes(rand, hue, w, h, 4 + (prompt.trim().split(/\s+/).length % 9));

  const pixels = new Uint8Array(w * h * 3);
  const span = Math.abs(dx) * w + Math.abs(dy) * h;
  const [r0, g0, b0] = from;
  const [dr, dg, db] = [to[0] - r0, to[1] - g0, to[2] - b0];
  const step = dx / span; // the gradient is linear along a row: one step a pixel
  for (let y = 0; y < h; y++) {
    const o = y * w * 3;
    let t = ((0 - w / 2) * dx + (y - h / 2) * dy) / span + 0.5;
    for (let i = o, end = o + w * 3; i < end; i += 3, t += step) {
      pixels[i] = r0 + dr * t;
      pixels[i + 1] = g0 + dg * t;
      pixels[i + 2] = b0 + db * t;
    }
    // Shapes in order, each over the pixels of this row it may cover (a pixel blends them in the same order),
    // in integers: opacity in 256ths.
    for (const s of shapes) {
      if (Math.abs(y - s.cy) >= s.r) continue;
      const [cr, cg, cb] = s.color;
      const alpha = Math.round(s.alpha * 256);
      const last = Math.min(w - 1, Math.ceil(s.cx + s.r));
      for (let x = Math.max(0, Math.floor(s.cx - s.r)); x <= last; x++) {
        if (!covers(s, x, y)) continue;
        const i = o + x * 3;
        pixels[i] += ((cr - pixels[i]) * alpha) >> 8;
        pixels[i + 1] += ((cg - pixels[i + 1]) * alpha) >> 8;
        pixels[i + 2] += ((cb - pixels[i + 2]) * alpha) >> 8;
      }
    }
  }
  drawLabel(labelBox(w, h), (x, y, isText) => {
    const i = (y * w + x) * 3;
    if (isText) pixels.fill(255, i, i + 3);
    else for (let c = 0; c < 3; c++) pixels[i + c] = pixels[i + c] * 0.35;
  });
  return encodeRgbPng(pixels, w, h);
}

function clampSide(side: number): number {
  return Math.max(16, Math.min(MAX_OFFLINE_IMAGE_SIDE, Math.round(side)));
}

function makeShapes(rand: () => number, hue: number, w: number, h: number, count: number): Shape[] {
  const kinds: Shape['kind'][] = ['circle', 'ring', 'square'];
  return Array.from({ length: count }, () => ({
    kind: kinds[Math.floor(rand() * kinds.length)] ?? 'circle',
    cx: rand() * w,
    cy: rand() * h,
    r: (0.05 + rand() * 0.25) * Math.min(w, h),
    color: hslToRgb((hue + 180 + (rand() - 0.5) * 120) % 360, 0.75, 0.4 + rand() * 0.4),
    alpha: 0.35 + rand() * 0.4,
  }));
}

function covers(s: Shape, x: number, y: number): boolean {
  const dx = x - s.cx;
  const dy = y - s.cy;
  if (s.kind === 'square') return Math.abs(dx) < s.r && Math.abs(dy) < s.r;
  const d2 = dx * dx + dy * dy;
  if (s.kind === 'circle') return d2 < s.r * s.r;
  return d2 < s.r * s.r && d2 > s.r * s.r * 0.6;
}
