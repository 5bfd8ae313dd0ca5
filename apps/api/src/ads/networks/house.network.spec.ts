import { chain } from './house.network';

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
});
