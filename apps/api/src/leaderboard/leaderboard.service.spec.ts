import { rank } from './leaderboard.service';

describe('rank', () => {
  it('gives equal values the same rank and skips the next ones', () => {
    const rows = [10, 7, 7, 7, 3].map((value, i) => ({ userId: `u${i}`, value }));
    expect(rank(rows).map((r) => r.rank)).toEqual([1, 2, 2, 2, 5]);
  });

  it('ranks an empty board as empty', () => {
    expect(rank([])).toEqual([]);
  });
});
