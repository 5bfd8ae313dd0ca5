import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A number with at most `places` decimals (credits: 3, for whole milli-credits; prices: 2, for whole cents).
 * class-validator's `IsNumber({ maxDecimalPlaces })` must not be used: it throws on exponent notation (`1e-7`,
 * `5e-324` have no "." in their string), which answered 500 instead of 400.
 */
export function MaxDecimals(places: number, options?: ValidationOptions): PropertyDecorator {
  const scale = 10 ** places;
  return ValidateBy(
    {
      name: 'maxDecimals',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'number') return true; // IsNumber reports the type
          const scaled = Math.round(value * scale);
          return Number.isFinite(value) && Math.abs(scaled / scale - value) <= 1e-9 && !Object.is(scaled, -0);
        },
        defaultMessage: () => `$property must have at most ${places} decimals`,
      },
    },
    options,
  );
}

/** A credit amount the ledger can hold: a whole number of milli-credits. */
export const IsWholeMilli = (options?: ValidationOptions): PropertyDecorator => MaxDecimals(3, options);
