import type { ChatMessage } from '../providers/provider.interface';

/**
 * The earlier turns that fit the budget (characters), keeping the newest: the oldest are dropped first. The context
 * never starts with an answer whose question was dropped.
 */
export function trimHistory(turns: readonly ChatMessage[], budget: number): ChatMessage[] {
  const kept: ChatMessage[] = [];
  let used = 0;
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i] as ChatMessage;
    used += turn.content.length;
    if (used > budget) break;
    kept.unshift(turn);
  }
  while (kept[0]?.role === 'assistant') kept.shift();
  return kept;
}

/** A title from the first message: its first line, cut at a word near 60 characters. */
export function titleFrom(content: string): string {
  const line = content.trim().split('\n')[0]?.trim() ?? '';
  if (line.length <= 60) return line || 'New conversation';
  const cut = line.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  return `${space > 30 ? cut.slice(0, space) : cut}…`;
}
