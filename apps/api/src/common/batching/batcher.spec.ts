import { Batcher } from './batcher';

describe('Batcher', () => {
  it('sends items added together in one flush, and those added during a flush in the next', async () => {
    const flushes: number[][] = [];
    const batcher = new Batcher<number, number>(async (items) => {
      flushes.push(items);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return items.map((value) => ({ status: 'fulfilled' as const, value: value * 2 }));
    });
    const first = [1, 2, 3].map((n) => batcher.add(n));
    await new Promise((resolve) => setTimeout(resolve, 2)); // the first flush is running now
    const second = [4, 5].map((n) => batcher.add(n));
    expect(await Promise.all([...first, ...second])).toEqual([2, 4, 6, 8, 10]);
    expect(flushes).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('gives each caller its own outcome, and a failed flush to every caller of that batch', async () => {
    const batcher = new Batcher<number, number>(async (items) => {
      if (items.includes(0)) throw new Error('flush failed');
      return items.map((value) =>
        value < 0
          ? { status: 'rejected' as const, reason: new Error(`bad ${value}`) }
          : { status: 'fulfilled' as const, value },
      );
    });
    const outcomes = await Promise.allSettled([batcher.add(1), batcher.add(-1)]);
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: new Error('bad -1') },
    ]);
    await expect(batcher.add(0)).rejects.toThrow('flush failed');
    expect(await batcher.add(7)).toBe(7); // the batcher goes on after a failed flush
  });

  it('splits a long queue into batches of at most maxBatch', async () => {
    const sizes: number[] = [];
    const batcher = new Batcher<number, number>(async (items) => {
      sizes.push(items.length);
      return items.map((value) => ({ status: 'fulfilled' as const, value }));
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.add(n)));
    expect(sizes).toEqual([2, 2, 1]);
  });
});
