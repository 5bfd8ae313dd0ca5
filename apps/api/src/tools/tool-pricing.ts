import type { Tool } from './entities/tool.entity';

/** An offer counts while it has a price and its end is in the future (or it has no end). */
export function activeOffer(tool: Pick<Tool, 'offerCost' | 'offerEndsAt'>, now = new Date()): number | null {
  if (tool.offerCost === null) return null;
  if (tool.offerEndsAt && tool.offerEndsAt.getTime() <= now.getTime()) return null;
  return tool.offerCost;
}

/** What one run of the tool costs now, in milli-credits. */
export function runCost(tool: Pick<Tool, 'creditCost' | 'offerCost' | 'offerEndsAt'>, now = new Date()): number {
  const offer = activeOffer(tool, now);
  return offer === null ? tool.creditCost : Math.min(offer, tool.creditCost);
}
