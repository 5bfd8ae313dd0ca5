/** Thrown when a spend or hold finds too little; the HTTP layer turns it into a 402 with an ad offer. */
export class InsufficientCreditsError extends Error {
  constructor(
    readonly needed: number,
    readonly balance: number,
  ) {
    super(`Insufficient credits: needed ${needed} milli-credits, balance ${balance}`);
  }
}

/** The same (user, kind, reference) was already recorded: the movement happened once before. */
export class DuplicateMovementError extends Error {
  constructor(
    readonly kind: string,
    readonly referenceType?: string,
    readonly referenceId?: string,
  ) {
    super(`Already recorded: ${kind} ${referenceType ?? ''}:${referenceId ?? ''}`);
  }
}
