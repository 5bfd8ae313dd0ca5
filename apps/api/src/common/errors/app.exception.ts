import type { FieldError, ProblemCode } from '@megicai/contracts';

export interface AppExceptionExtras {
  errors?: FieldError[];
  /** Extension members of the problem (`needed`, `balance`, `adOffer` on a 402, …). */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * The base of every feature's own exception (`CreditsException`, `AuthException`, …): it carries a stable `code`,
 * and the problem-details filter maps that code to its HTTP status in one place (`problem-status.ts`).
 * A feature narrows `C` to the codes it may raise.
 */
export class AppException<C extends ProblemCode = ProblemCode> extends Error {
  constructor(
    readonly code: C,
    readonly detail: string,
    readonly extras: AppExceptionExtras = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

/** The extras of a 429: a `Retry-After` header (whole seconds, at least 1) and the same number as `retryAfter`. */
export function retryAfter(seconds: number, extensions: Record<string, unknown> = {}): AppExceptionExtras {
  const wait = Math.max(1, Math.ceil(seconds));
  return { headers: { 'Retry-After': String(wait) }, extensions: { ...extensions, retryAfter: wait } };
}
