import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

type ReferralsCode = Extract<ProblemCode, 'not_found'>;

/** Referrals: the codes this feature answers with (HTTP status from `problem-status.ts`). */
export class ReferralsException extends AppException<ReferralsCode> {}
