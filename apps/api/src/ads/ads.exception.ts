import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

export type AdsCode = Extract<
  ProblemCode,
  | 'ad_too_early'
  | 'ad_session_expired'
  | 'already_claimed'
  | 'ad_not_available'
  | 'ad_not_engaged'
  | 'ad_daily_cap_reached'
  | 'premium_no_ads'
  | 'not_found'
  | 'conflict'
  | 'validation_failed'
>;

/** Every problem the ads feature answers with. */
export class AdsException extends AppException<AdsCode> {}
