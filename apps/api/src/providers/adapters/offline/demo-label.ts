/** A 5×7 bitmap of just the letters of the label, so that every offline picture says what it is. */
const GLYPHS: Record<string, string[]> = {
  O: ['.###.', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  F: ['#####', '#....', '#....', '####.', '#....', '#....', '#....'],
  L: ['#....', '#....', '#....', '#....', '#....', '#....', '#####'],
  I: ['.###.', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  N: ['#...#', '##..#', '#.#.#', '#..##', '#...#', '#...#', '#...#'],
  E: ['#####', '#....', '#....', '####.', '#....', '#....', '#####'],
  D: ['####.', '#...#', '#...#', '#...#', '#...#', '#...#', '####.'],
  M: ['#...#', '##.##', '#.#.#', '#.#.#', '#...#', '#...#', '#...#'],
  ' ': ['.....', '.....', '.....', '.....', '.....', '.....', '.....'],
};

export const DEMO_LABEL = 'OFFLINE DEMO';
export const OFFLINE_LABEL = 'Offline demo output: no AI provider is configured, so this was made locally';

export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
  scale: number;
}

/** Where the label goes: bottom-left, sized to the picture, with a padded box behind it. */
export function labelBox(imageWidth: number, imageHeight: number): LabelBox {
  const scale = Math.max(1, Math.floor(Math.min(imageWidth / 200, imageHeight / 80)));
  const width = (DEMO_LABEL.length * 6 + 3) * scale;
  const height = 11 * scale;
  return { x: scale * 2, y: Math.max(0, imageHeight - height - scale * 2), width, height, scale };
}

/** Calls `paint(x, y, isText)` for every pixel of the label box (text pixels and background pixels). */
export function drawLabel(box: LabelBox, paint: (x: number, y: number, isText: boolean) => void): void {
  const { scale } = box;
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) {
      const gx = Math.floor(x / scale) - 2;
      const gy = Math.floor(y / scale) - 2;
      const glyph = GLYPHS[DEMO_LABEL[Math.floor(gx / 6)] ?? ' '];
      const isText = gx >= 0 && gy >= 0 && gy < 7 && gx % 6 < 5 && glyph?.[gy]?.[gx % 6] === '#';
      paint(box.x + x, box.y + y, isText);
    }
  }
}
