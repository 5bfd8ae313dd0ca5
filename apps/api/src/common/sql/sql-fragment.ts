/**
 * A piece of SQL that another feature splices into one statement (a CTE of a single-round-trip run): it adds its
 * values through `param`, which answers the placeholder (`$9`) so that numbering stays right wherever it lands.
 */
export type SqlFragment = (param: (value: unknown) => string) => string;

/** Builds a statement from fragments: `param` pushes a value and answers its placeholder. */
export class SqlParams {
  readonly values: unknown[];

  constructor(initial: unknown[] = []) {
    this.values = [...initial];
  }

  readonly param = (value: unknown): string => {
    this.values.push(value);
    return `$${this.values.length}`;
  };
}
