import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

/** Balances, the ledger, rewards and spending: the codes this feature answers with (HTTP status from `problem-status.ts`). */
export type CreditsCode = Extract<
  ProblemCode,
  'already_claimed' | 'invalid_cursor' | 'insufficient_credits' | 'spend_cap_reached' | 'api_key_scope'
>;

export class CreditsException extends AppException<CreditsCode> {}
