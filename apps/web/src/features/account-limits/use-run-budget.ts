import type { SpendCapScope } from '@megicai/contracts';
import { useMe } from '../auth/use-me';
import { useSpendLimits } from './limits-api';

/** Whether a run of `cost` credits would go through, as far as the SPA knows before sending it. */
export type RunBudget =
  | { status: 'unknown'; available: number }
  | { status: 'ok'; available: number }
  | {
      status: 'cap';
      scope: Exclude<SpendCapScope, 'key'>;
      cap: number;
      spent: number;
      resetsAt: string;
      available: number;
    }
  | { status: 'balance'; balance: number; available: number };

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The same rules as the API's hold (a cap is named before the balance, as an ad cannot lift a cap), from `/me` and
 * `/me/limits`. The API stays the judge: this only warns early.
 */
export function useRunBudget(cost: number): RunBudget {
  const me = useMe();
  const limits = useSpendLimits();
  if (!me.data || !limits.data) return { status: 'unknown', available: Number.POSITIVE_INFINITY };
  const balance = me.data.balance;
  const l = limits.data;
  const caps = [
    l.dailyCreditCap === null
      ? null
      : { scope: 'daily' as const, cap: l.dailyCreditCap, spent: l.spentToday, resetsAt: l.dailyResetsAt },
    l.monthlyCreditCap === null
      ? null
      : { scope: 'monthly' as const, cap: l.monthlyCreditCap, spent: l.spentThisMonth, resetsAt: l.monthlyResetsAt },
  ].filter((c) => c !== null);
  const available = round3(Math.max(0, Math.min(balance, ...caps.map((c) => c.cap - c.spent))));
  if (cost <= 0) return { status: 'ok', available };
  const blocking = caps.find((c) => round3(c.spent + cost) > c.cap);
  if (blocking) return { status: 'cap', ...blocking, available };
  if (cost > balance) return { status: 'balance', balance, available };
  return { status: 'ok', available };
}
