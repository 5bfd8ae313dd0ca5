const credits = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });

/** `5 credits`, `1 credit`, `4.98 credits`: the API sends decimals with at most 3 places. */
export function formatCredits(value: number): string {
  return `${credits.format(value)} ${value === 1 ? 'credit' : 'credits'}`;
}
