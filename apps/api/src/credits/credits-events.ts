import { Injectable, Logger } from '@nestjs/common';

/** A spend took the balance from at or above the user's low-balance alert level to below it. Milli-credits. */
export interface LowBalanceEvent {
  userId: string;
  balance: number;
  threshold: number;
}

export type LowBalanceListener = (event: LowBalanceEvent) => void | Promise<void>;

/**
 * The hook for `credits.low` (outgoing webhooks subscribe here with `onLowBalance`). Emitted when the spending
 * statement ran, which may be inside a transaction that still rolls back: a listener that sends something should
 * enqueue it and re-read the balance before delivering. Listener errors are logged, never thrown into the spend.
 */
@Injectable()
export class CreditsEvents {
  private readonly logger = new Logger(CreditsEvents.name);
  private readonly lowBalanceListeners = new Set<LowBalanceListener>();

  onLowBalance(listener: LowBalanceListener): () => void {
    this.lowBalanceListeners.add(listener);
    return () => this.lowBalanceListeners.delete(listener);
  }

  emitLowBalance(event: LowBalanceEvent): void {
    for (const listener of this.lowBalanceListeners) {
      void Promise.resolve()
        .then(() => listener(event))
        .catch((error: unknown) => this.logger.warn(`low-balance listener failed: ${String(error)}`));
    }
  }
}
