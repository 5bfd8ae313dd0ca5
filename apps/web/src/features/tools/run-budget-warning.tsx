import { useQuery } from '@tanstack/react-query';
import type { AdOffer } from '../ads/ads-api';
import { formatCredits } from '../../components/format-credits';
import { useRunBudget } from '../account-limits/use-run-budget';
import { adsApi, adsKeys } from '../ads/ads-api';
import { cheaperTools } from './cheaper-tools';
import { NotEnoughCredits, SpendCapNotice } from './insufficient-credits';
import { useIsPremium } from './use-is-premium';
import { useToolsCatalog } from './use-tools-catalog';

/** The tier the API would offer in a 402: the first open one that covers the gap, else the richest. */
function pickOffer(offers: AdOffer[] | undefined, missing: number): AdOffer | null {
  if (!offers?.length) return null;
  const open = offers.filter((o) => o.remainingToday > 0);
  const pool = open.length ? open : offers;
  return pool.find((o) => o.credits >= missing) ?? pool[pool.length - 1];
}

/**
 * Shown above the Run button when the balance or a spending cap will not cover the next run, before anything is
 * sent: the ad that covers the gap (for the balance) and the cheaper tools that still fit.
 */
export function RunBudgetWarning({ toolId, cost }: { toolId: string; cost: number }) {
  const budget = useRunBudget(cost);
  const catalog = useToolsCatalog();
  const premium = useIsPremium();
  const offers = useQuery({
    queryKey: adsKeys.offers,
    queryFn: ({ signal }) => adsApi.offers(signal),
    enabled: budget.status === 'balance' && !premium,
    staleTime: 60_000,
  });
  if (budget.status === 'ok' || budget.status === 'unknown') return null;
  const tool = catalog.data?.find((t) => t.id === toolId);
  const alternatives = tool ? cheaperTools(catalog.data ?? [], tool, cost, budget.available, premium) : [];
  return (
    <div data-testid="run-warning" data-reason={budget.status}>
      {budget.status === 'cap' ? (
        <SpendCapNotice
          title="This run would pass your spending cap"
          scope={budget.scope}
          cap={budget.cap}
          spent={budget.spent}
          resetsAt={budget.resetsAt}
          alternatives={alternatives}
        />
      ) : (
        <NotEnoughCredits
          title="Not enough credits for this run"
          needed={cost}
          balance={budget.balance}
          offer={pickOffer(offers.data, cost - budget.balance)}
          lead={`You need ${formatCredits(Math.round((cost - budget.balance) * 1000) / 1000)} more.`}
          alternatives={alternatives}
        />
      )}
    </div>
  );
}
