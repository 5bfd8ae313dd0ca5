import { InsufficientCreditsError, SpendCapError } from './credits.errors';
import { spendRefusal, type SpendStateRow } from './spend-refusal';

const state = (over: Partial<SpendStateRow> = {}): SpendStateRow => ({
  balance: '10000',
  daily_cap: null,
  monthly_cap: null,
  spent_today: '0',
  spent_this_month: '0',
  key_spent: null,
  ...over,
});

describe('spendRefusal (why a capped hold moved nothing)', () => {
  it('names the daily cap before the monthly cap and before the balance, with what is left to spend', () => {
    const error = spendRefusal(
      1000,
      state({ balance: '500', daily_cap: '7000', spent_today: '6500', monthly_cap: '5000', spent_this_month: '6500' }),
      null,
      null,
    );
    expect(error).toBeInstanceOf(SpendCapError);
    expect(error).toMatchObject({ scope: 'daily', cap: 7000, spent: 6500, needed: 1000 });
    // The monthly cap is already passed: nothing is left.
    expect((error as SpendCapError).room).toEqual({ balance: 500, available: 0 });
  });

  it('blames the key only when the key step refused, and reads its spend from the unchanged row', () => {
    const key = { id: 'k', dailyCap: 2000 };
    const refused = spendRefusal(1000, state({ key_spent: '1500' }), key, null);
    expect(refused).toMatchObject({ scope: 'key', cap: 2000, spent: 1500 });
    expect((refused as SpendCapError).resetsAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('falls back to the balance, with the key spend before this run when the key step passed', () => {
    const error = spendRefusal(1000, state({ balance: '400' }), { id: 'k', dailyCap: 5000 }, '3000');
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect(error).toMatchObject({ needed: 1000, balance: 400, available: 400 });
  });

  it('treats a missing account as an empty one', () => {
    expect(spendRefusal(1000, undefined, null, null)).toMatchObject({ needed: 1000, balance: 0, available: 0 });
  });
});
