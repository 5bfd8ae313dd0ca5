/** Which cap refused a run: the user's daily or monthly cap, or the daily cap of the API key it was made with. */
export type CapScope = 'daily' | 'monthly' | 'key';

/**
 * What the caller may still spend right now (milli-credits): the balance, narrowed by every cap's remainder. A 402
 * lists the cheaper tools that fit in it.
 */
export interface SpendRoom {
  balance: number;
  available: number;
}

/** Thrown when a spend or hold finds too little; the HTTP layer turns it into a 402 with an ad offer. */
export class InsufficientCreditsError extends Error {
  readonly available: number;

  constructor(
    readonly needed: number,
    readonly balance: number,
    available?: number,
  ) {
    super(`Insufficient credits: needed ${needed} milli-credits, balance ${balance}`);
    this.available = available ?? balance;
  }
}

/** Thrown when a hold would pass one of the caller's spending caps; the HTTP layer answers 402 spend_cap_reached. */
export class SpendCapError extends Error {
  constructor(
    readonly scope: CapScope,
    /** milli-credits */
    readonly cap: number,
    /** milli-credits spent in the cap's period so far */
    readonly spent: number,
    readonly resetsAt: Date,
    readonly needed: number,
    readonly room: SpendRoom,
  ) {
    super(`Spend cap reached (${scope}): cap ${cap}, spent ${spent}, needed ${needed} milli-credits`);
  }
}

/** A hold refused by the caller's own gate (HoldOptions.gate): nothing moved; the caller says why. */
export class HoldGateClosedError extends Error {
  constructor() {
    super('The hold was refused by its gate');
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
