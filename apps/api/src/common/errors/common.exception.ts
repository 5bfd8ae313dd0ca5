import type { ProblemCode } from '@megicai/contracts';
import { AppException } from './app.exception';

type CommonCode = Extract<
  ProblemCode,
  | 'validation_failed'
  | 'invalid_cursor'
  | 'unauthorized'
  | 'admin_only'
  | 'api_key_scope'
  | 'not_found'
  | 'rate_limited'
  | 'idempotency_key_reused'
  | 'idempotency_in_progress'
>;

/** Errors of the HTTP layer shared by every feature: guards, pagination, validation, throttling, idempotency. */
export class CommonException extends AppException<CommonCode> {}
