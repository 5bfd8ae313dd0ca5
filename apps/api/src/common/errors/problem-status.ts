import { ProblemCode } from '@megicai/contracts';

/** The one place where a problem `code` becomes an HTTP status. */
export const PROBLEM_STATUS: Record<ProblemCode, number> = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_cursor: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  uri_too_long: 414,
  headers_too_large: 431,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
  idempotency_key_reused: 422,
  idempotency_in_progress: 409,
  invalid_credentials: 401,
  invalid_token: 400,
  token_reused: 401,
  // A refresh token that is unknown, expired or revoked: 401 like a spent one (the client signs in again).
  invalid_refresh_token: 401,
  email_taken: 409,
  account_banned: 403,
  wrong_password: 400,
  api_key_scope: 403,
  admin_only: 403,
  insufficient_credits: 402,
  spend_cap_reached: 402,
  already_claimed: 409,
  ad_too_early: 425,
  ad_session_expired: 410,
  ad_daily_cap_reached: 429,
  ad_not_available: 503,
  premium_no_ads: 403,
  invalid_callback_signature: 403,
  tool_disabled: 404,
  premium_required: 403,
  invalid_tool_input: 400,
  provider_unavailable: 503,
  job_not_cancelable: 409,
  missing_variable: 400,
  template_syntax: 400,
  own_template: 403,
  not_your_template: 403,
  already_reported: 409,
  invalid_webhook_signature: 400,
  payments_unavailable: 503,
  no_subscription: 404,
};

const BY_STATUS: Record<number, ProblemCode> = {
  400: ProblemCode.ValidationFailed,
  401: ProblemCode.Unauthorized,
  403: ProblemCode.Forbidden,
  404: ProblemCode.NotFound,
  405: ProblemCode.MethodNotAllowed,
  409: ProblemCode.Conflict,
  410: ProblemCode.Gone,
  413: ProblemCode.PayloadTooLarge,
  414: ProblemCode.UriTooLong,
  415: ProblemCode.UnsupportedMediaType,
  422: ProblemCode.IdempotencyKeyReused,
  425: ProblemCode.AdTooEarly,
  429: ProblemCode.RateLimited,
  431: ProblemCode.HeadersTooLarge,
  503: ProblemCode.ServiceUnavailable,
};

/** The code of an error that carries only a status (the framework's own, or a plain HttpException). */
export function codeForStatus(status: number): ProblemCode {
  if (status >= 500) return status === 503 ? ProblemCode.ServiceUnavailable : ProblemCode.InternalError;
  return BY_STATUS[status] ?? ProblemCode.ValidationFailed;
}
