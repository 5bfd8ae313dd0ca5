import { chain, weightedOrder } from './house.network';

describe('house creative chain', () => {
  it('chains creatives in turn until the seconds are covered, cutting the last to fit', () => {
    const pool = [
      { id: 'a', seconds: 20 },
      { id: 'b', seconds: 30 },
    ];
    expect(chain(pool, 60)).toEqual([
      { id: 'a', seconds: 20 },
      { id: 'b', seconds: 30 },
      { id: 'a', seconds: 10 },
    ]);
    expect(chain(pool, 5)).toEqual([{ id: 'a', seconds: 5 }]);
  });

  it('falls back to one placeholder for the whole tier when no creative is active', () => {
    expect(chain([], 45)).toEqual([{ id: 'placeholder', seconds: 45 }]);
  });

  it('orders by weight: an item leads about weight / total of the draws', () => {
    const items = [
      { id: 'a', weight: 300 },
      { id: 'b', weight: 100 },
    ];
    let seed = 42;
    // A fixed pseudo-random sequence (LCG), so the count is the same on every run.
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    let aFirst = 0;
    for (let i = 0; i < 4000; i++) if (weightedOrder(items, random)[0].id === 'a') aFirst++;
    expect(aFirst / 4000).toBeCloseTo(0.75, 1);
    expect(
      weightedOrder(items, random)
        .map((i) => i.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });
});
