import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

type CreditsCode = Extract<ProblemCode, 'already_claimed' | 'invalid_cursor'>;

/** Balances, the ledger and the daily reward: the codes this feature answers with (HTTP status from `problem-status.ts`). */
export class CreditsException extends AppException<CreditsCode> {}
