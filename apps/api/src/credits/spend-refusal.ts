import { InsufficientCreditsError, SpendCapError, type CapScope } from './credits.errors';
import { nextUtcDay, nextUtcMonth } from './spend-caps.sql';

/** SPEND_STATE_SQL's row (bigints come back as strings). */
export interface SpendStateRow {
  balance: string;
  daily_cap: string | null;
  monthly_cap: string | null;
  spent_today: string;
  spent_this_month: string;
  key_spent: string | null;
}

interface Cap {
  scope: CapScope;
  cap: number;
  spent: number;
  resetsAt: Date;
}

const num = (value: string | null | undefined) => (value === null || value === undefined ? null : Number(value));

/**
 * Why a capped hold moved nothing, read from the account after the statement. `keySpentAfter` is what the statement's
 * key step returned: null when the key's cap refused (the key row is then unchanged), else the spend including this
 * run. A cap is named before the balance (an ad cannot lift a cap), the user's before the key's.
 */
export function spendRefusal(
  amount: number,
  state: SpendStateRow | undefined,
  apiKey: { id: string; dailyCap: number | null } | null,
  keySpentAfter: string | null,
): InsufficientCreditsError | SpendCapError {
  if (!state) return new InsufficientCreditsError(amount, 0, 0);
  const balance = Number(state.balance);
  const caps: Cap[] = [];
  const dailyCap = num(state.daily_cap);
  if (dailyCap !== null)
    caps.push({ scope: 'daily', cap: dailyCap, spent: Number(state.spent_today), resetsAt: nextUtcDay() });
  const monthlyCap = num(state.monthly_cap);
  if (monthlyCap !== null) {
    caps.push({ scope: 'monthly', cap: monthlyCap, spent: Number(state.spent_this_month), resetsAt: nextUtcMonth() });
  }
  const keyRefused = apiKey !== null && keySpentAfter === null;
  if (apiKey?.dailyCap !== null && apiKey?.dailyCap !== undefined) {
    const spent = keyRefused ? (num(state.key_spent) ?? 0) : Number(keySpentAfter) - amount;
    caps.push({ scope: 'key', cap: apiKey.dailyCap, spent, resetsAt: nextUtcDay() });
  }
  const available = Math.max(0, Math.min(balance, ...caps.map((c) => c.cap - c.spent)));
  const blocking = caps.find((c) => (c.scope === 'key' ? keyRefused : c.spent + amount > c.cap));
  if (blocking) {
    return new SpendCapError(blocking.scope, blocking.cap, blocking.spent, blocking.resetsAt, amount, {
      balance,
      available,
    });
  }
  // The balance, or (rarely) a refund committed between the statement and this read: the run is refused either way.
  return new InsufficientCreditsError(amount, balance, available);
}
