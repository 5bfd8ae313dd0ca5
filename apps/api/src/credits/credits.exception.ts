import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

/** The codes the credits feature answers with (mapped to HTTP in common/errors/problem-status.ts). */
export type CreditsCode = Extract<ProblemCode, 'insufficient_credits' | 'spend_cap_reached' | 'api_key_scope'>;

export class CreditsException extends AppException<CreditsCode> {}
