import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

export type AdsCode = Extract<
  ProblemCode,
  | 'ad_daily_cap_reached'
  | 'ad_not_available'
  | 'ad_not_engaged'
  | 'ad_session_expired'
  | 'ad_too_early'
  | 'already_claimed'
  | 'conflict'
  | 'invalid_callback_signature'
  | 'not_found'
  | 'premium_no_ads'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'validation_failed'
>;

/** Ad sessions, caps and network callbacks: the codes this feature answers with (HTTP status from `problem-status.ts`). */
export class AdsException extends AppException<AdsCode> {}
