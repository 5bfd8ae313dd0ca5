import { percentile } from './analytics-report.builder';

describe('percentile (latency histogram)', () => {
  it('interpolates inside the bucket that holds the rank', () => {
    // Bucket 4 is [75, 100): ten calls in it put p50 half-way and p95 near its top.
    const h = new Map([[4, 10]]);
    expect(percentile(h, 0.5)).toBe(88);
    expect(percentile(h, 0.95)).toBe(99);
  });

  it('walks the buckets in order, skips empty ones, and answers null for no calls', () => {
    const h = new Map([
      [11, 5], // [750, 1000)
      [0, 5], // [0, 10)
      [3, 0],
    ]);
    expect(percentile(h, 0.5)).toBe(10);
    expect(percentile(h, 0.95)).toBe(975);
    expect(percentile(new Map(), 0.5)).toBeNull();
  });

  it('answers the lower bound of the open last bucket', () => {
    expect(percentile(new Map([[28, 3]]), 0.95)).toBe(300000);
  });
});
