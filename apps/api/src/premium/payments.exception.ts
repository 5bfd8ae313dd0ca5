import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

export type PaymentsCode = Extract<
  ProblemCode,
  | 'invalid_webhook_signature'
  | 'payments_unavailable'
  | 'no_subscription'
  | 'validation_failed'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
>;

/** Checkout, portal and webhook errors of premium plans and credit packs. */
export class PaymentsException extends AppException<PaymentsCode> {}
