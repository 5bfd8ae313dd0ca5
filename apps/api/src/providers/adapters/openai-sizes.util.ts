type Shape = 'square' | 'landscape' | 'portrait';

function shapeOf(width: number, height: number): Shape {
  const aspect = width / height;
  if (aspect > 1.2) return 'landscape';
  if (aspect < 0.83) return 'portrait';
  return 'square';
}

/** OpenAI's image models accept only a few sizes each; other OpenAI-compatible servers get the size asked for. */
export function openAiImageSize(model: string, width: number, height: number): string {
  const shape = shapeOf(width, height);
  if (model.startsWith('dall-e-3')) {
    return { square: '1024x1024', landscape: '1792x1024', portrait: '1024x1792' }[shape];
  }
  if (model.startsWith('gpt-image')) {
    return { square: '1024x1024', landscape: '1536x1024', portrait: '1024x1536' }[shape];
  }
  if (model.startsWith('dall-e-2')) {
    const side = [256, 512, 1024].find((s) => s >= Math.max(width, height)) ?? 1024;
    return `${side}x${side}`;
  }
  return `${width}x${height}`;
}

export function openAiVideoSize(width: number, height: number): '1280x720' | '720x1280' {
  return width >= height ? '1280x720' : '720x1280';
}

export function openAiVideoSeconds(seconds: number): '4' | '8' | '12' {
  if (seconds <= 6) return '4';
  return seconds <= 10 ? '8' : '12';
}
