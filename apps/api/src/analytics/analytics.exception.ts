import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

type AnalyticsCode = Extract<ProblemCode, 'validation_failed'>;

/** Analytics windows: the codes this feature answers with (HTTP status from `problem-status.ts`). */
export class AnalyticsException extends AppException<AnalyticsCode> {}
