import { titleFrom, trimHistory } from './conversation-context';

describe('conversation context', () => {
  const turns = [
    { role: 'user' as const, content: 'a'.repeat(100) },
    { role: 'assistant' as const, content: 'b'.repeat(100) },
    { role: 'user' as const, content: 'c'.repeat(50) },
    { role: 'assistant' as const, content: 'd'.repeat(50) },
  ];

  it('keeps every turn within the budget', () => {
    expect(trimHistory(turns, 1000)).toEqual(turns);
  });

  it('drops the oldest turns first, never starting with an answer', () => {
    expect(trimHistory(turns, 150)).toEqual(turns.slice(2));
    // 250 fits the answer "b…" but not its question: the context starts at the next question.
    expect(trimHistory(turns, 250)).toEqual(turns.slice(2));
    expect(trimHistory(turns, 10)).toEqual([]);
  });

  it('names a conversation by its first line, cut at a word', () => {
    expect(titleFrom('  Plan a trip\nwith details')).toBe('Plan a trip');
    expect(titleFrom(`${'word '.repeat(20)}`)).toMatch(/^(word ){5,}.*…$/);
    expect(titleFrom('   ')).toBe('New conversation');
  });
});
