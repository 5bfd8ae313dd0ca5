import type { ToolView } from './tools-api';

/** What one run costs now: the offer price while it runs, else the list price. */
export function currentCost(
  tool: Pick<ToolView, 'creditCost' | 'offerCost' | 'offerStartsAt' | 'offerEndsAt'>,
  now = Date.now(),
): number {
  if (tool.offerCost === null) return tool.creditCost;
  if (tool.offerStartsAt && Date.parse(tool.offerStartsAt) > now) return tool.creditCost;
  if (tool.offerEndsAt && Date.parse(tool.offerEndsAt) <= now) return tool.creditCost;
  return Math.min(tool.offerCost, tool.creditCost);
}

export const KIND_LABELS = { text: 'Text', image: 'Image', audio: 'Audio', video: 'Video' } as const;
/** Dark shades: white badge text on them passes WCAG AA contrast. */
export const KIND_COLORS = { text: 'blue.9', image: 'grape.9', audio: 'teal.9', video: 'indigo.9' } as const;
