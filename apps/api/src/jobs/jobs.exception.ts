import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

type JobsCode = Extract<
  ProblemCode,
  | 'conflict'
  | 'forbidden'
  | 'insufficient_credits'
  | 'invalid_tool_input'
  | 'job_not_cancelable'
  | 'not_found'
  | 'premium_required'
  | 'provider_unavailable'
  | 'rate_limited'
  | 'tool_disabled'
  | 'validation_failed'
>;

/** Running tools and following jobs: the codes this feature answers with (HTTP status from `problem-status.ts`). */
export class JobsException extends AppException<JobsCode> {}
