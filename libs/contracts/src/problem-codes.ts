/**
 * The stable `code` member of every problem the API answers with. Clients (the SPA, the SDK, third parties) branch
 * on these, never on `detail` or on the status alone. The API maps each code to its HTTP status in one place
 * (`apps/api/src/common/errors/problem-status.ts`).
 */
export const ProblemCode = {
  // Generic answers, also used for errors raised by the HTTP layer itself.
  ValidationFailed: 'validation_failed',
  InvalidJson: 'invalid_json',
  InvalidCursor: 'invalid_cursor',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  MethodNotAllowed: 'method_not_allowed',
  Conflict: 'conflict',
  Gone: 'gone',
  PayloadTooLarge: 'payload_too_large',
  UriTooLong: 'uri_too_long',
  HeadersTooLarge: 'headers_too_large',
  UnsupportedMediaType: 'unsupported_media_type',
  RateLimited: 'rate_limited',
  InternalError: 'internal_error',
  ServiceUnavailable: 'service_unavailable',
  // Idempotency-Key
  IdempotencyKeyReused: 'idempotency_key_reused',
  IdempotencyInProgress: 'idempotency_in_progress',
  // Auth and accounts
  InvalidCredentials: 'invalid_credentials',
  InvalidToken: 'invalid_token',
  TokenReused: 'token_reused',
  InvalidRefreshToken: 'invalid_refresh_token',
  EmailTaken: 'email_taken',
  AccountBanned: 'account_banned',
  WrongPassword: 'wrong_password',
  ApiKeyScope: 'api_key_scope',
  AdminOnly: 'admin_only',
  // Credits
  InsufficientCredits: 'insufficient_credits',
  SpendCapReached: 'spend_cap_reached',
  AlreadyClaimed: 'already_claimed',
  // Ads
  AdTooEarly: 'ad_too_early',
  AdSessionExpired: 'ad_session_expired',
  AdDailyCapReached: 'ad_daily_cap_reached',
  AdNotAvailable: 'ad_not_available',
  AdNotEngaged: 'ad_not_engaged',
  PremiumNoAds: 'premium_no_ads',
  InvalidCallbackSignature: 'invalid_callback_signature',
  // Tools and jobs
  ToolDisabled: 'tool_disabled',
  PremiumRequired: 'premium_required',
  InvalidToolInput: 'invalid_tool_input',
  ProviderUnavailable: 'provider_unavailable',
  JobNotCancelable: 'job_not_cancelable',
  // Marketplace
  MissingVariable: 'missing_variable',
  TemplateSyntax: 'template_syntax',
  OwnTemplate: 'own_template',
  NotYourTemplate: 'not_your_template',
  AlreadyReported: 'already_reported',
  // Payments
  InvalidWebhookSignature: 'invalid_webhook_signature',
  PaymentsUnavailable: 'payments_unavailable',
  NoSubscription: 'no_subscription',
  // OpenAI-compatible API
  ModelNotFound: 'model_not_found',
  JobTimeout: 'job_timeout',
  // Outgoing webhooks
  WebhookUrlForbidden: 'webhook_url_forbidden',
} as const;
export type ProblemCode = (typeof ProblemCode)[keyof typeof ProblemCode];
