import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

type PremiumCode = Extract<
  ProblemCode,
  'conflict' | 'forbidden' | 'invalid_json' | 'invalid_webhook_signature' | 'not_found' | 'validation_failed'
>;

/** Premium plans, checkouts and payment events: the codes this feature answers with (HTTP status from `problem-status.ts`). */
export class PremiumException extends AppException<PremiumCode> {}
