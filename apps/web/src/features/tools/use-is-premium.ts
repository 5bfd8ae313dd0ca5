import { useMe } from '../auth/use-me';

function isFuture(iso: string | null | undefined): boolean {
  return Boolean(iso && Date.parse(iso) > Date.now());
}

/** Premium members may run premium-only tools. */
export function useIsPremium(): boolean {
  return isFuture(useMe().data?.premiumUntil);
}
