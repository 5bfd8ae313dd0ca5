import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

type AdminCode = Extract<ProblemCode, 'conflict' | 'not_found' | 'validation_failed'>;

/** The admin API: the codes this feature answers with (HTTP status from `problem-status.ts`). */
export class AdminException extends AppException<AdminCode> {}
