import type { Tool } from './entities/tool.entity';

type Offer = Pick<Tool, 'offerCost' | 'offerStartsAt' | 'offerEndsAt'>;

/** An offer counts while it has a price, has started (or has no start) and has not ended (or has no end). */
export function activeOffer(tool: Offer, now = new Date()): number | null {
  if (tool.offerCost === null) return null;
  if (tool.offerStartsAt && tool.offerStartsAt.getTime() > now.getTime()) return null;
  if (tool.offerEndsAt && tool.offerEndsAt.getTime() <= now.getTime()) return null;
  return tool.offerCost;
}

/** What one run of the tool costs now, in milli-credits: the price in force when the run is accepted. */
export function runCost(tool: Pick<Tool, 'creditCost'> & Offer, now = new Date()): number {
  const offer = activeOffer(tool, now);
  return offer === null ? tool.creditCost : Math.min(offer, tool.creditCost);
}
