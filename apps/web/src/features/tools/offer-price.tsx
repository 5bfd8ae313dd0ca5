import { useEffect, useState } from 'react';
import { Text } from '@mantine/core';
import type { ToolView } from './tools-api';
import { formatCredits } from '../../components/format-credits';
import { currentCost } from './tool-cost';

/** "2 d 3 h", "3 h 05 min", "4 min 09 s": precise enough to feel live, short enough for a card. */
export function formatRemaining(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${pad(m)} min`;
  return `${m} min ${pad(s % 60)} s`;
}

/** The time now, every second while `active` (a countdown on screen), so the price flips back when the offer ends. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
}

/** The price in force: during an offer the list price struck through, the offer price, and a live countdown. */
export function OfferPrice({ tool }: { tool: ToolView }) {
  const now = useNow(Boolean(tool.offerCost !== null && tool.offerEndsAt));
  const cost = currentCost(tool, now);
  if (cost >= tool.creditCost) return <>{formatCredits(cost)}</>;
  const ends = tool.offerEndsAt ? Date.parse(tool.offerEndsAt) : null;
  return (
    <>
      <Text span td="line-through" c="dimmed" size="sm" aria-label={`was ${formatCredits(tool.creditCost)}`}>
        {formatCredits(tool.creditCost)}
      </Text>{' '}
      {formatCredits(cost)}
      {ends ? (
        <Text span size="xs" c="dimmed" fw={400} data-testid="offer-countdown" style={{ display: 'block' }}>
          Offer ends in {formatRemaining(ends - now)}
        </Text>
      ) : null}
    </>
  );
}
