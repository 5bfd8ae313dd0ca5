/** 1 credit = 1000 milli-credits: the 2% creator cut of a 1-credit run (20 milli) stays an integer. */
export const MILLI_PER_CREDIT = 1000;

/** Milli-credits (integer) → the decimal shown at the API edge, at most 3 decimals. */
export function toCredits(milli: number | bigint | string): number {
  return Number(milli) / MILLI_PER_CREDIT;
}

/** Decimal credits from the API edge → integer milli-credits; rejects more than 3 decimals. */
export function toMilli(credits: number): number {
  const milli = Math.round(credits * MILLI_PER_CREDIT);
  if (Math.abs(milli / MILLI_PER_CREDIT - credits) > 1e-9) {
    throw new RangeError(`at most 3 decimals: ${credits}`);
  }
  return milli;
}
