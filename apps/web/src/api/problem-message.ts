import { ProblemCode } from '@megicai/contracts';
import { type ApiError, isApiError } from './api-error';

type Message = string | ((error: ApiError) => string);

const credits = (value: unknown) => `${Number(value ?? 0)} credits`;

/** The server's `detail` when it is the best sentence (it names the fields or variables), else `fallback`. */
const detailOr =
  (fallback: string): Message =>
  (e) =>
    e.detail ? `${fallback} ${e.detail}` : fallback;

/**
 * What the SPA says for every problem `code` (the Record makes a new code a compile error until it has its text).
 * Where the server's `detail` names what to fix (fields, template variables, a provider's refusal), it follows a
 * sentence of ours; otherwise the server's own strings are never shown.
 */
const MESSAGES: Record<ProblemCode | 'network_error', Message> = {
  network_error: 'Could not reach the server. Check your connection and try again.',
  [ProblemCode.ValidationFailed]: detailOr('Please check what you entered.'),
  [ProblemCode.InvalidJson]: 'The request could not be read. Reload the page and try again.',
  [ProblemCode.MethodNotAllowed]: 'This action is not available here.',
  [ProblemCode.Conflict]: 'This changed in the meantime. Reload the page and try again.',
  [ProblemCode.Gone]: 'This is no longer available.',
  [ProblemCode.PayloadTooLarge]: 'This is too large to send. Make it shorter or smaller.',
  [ProblemCode.UriTooLong]: 'This search or link is too long. Shorten it and try again.',
  [ProblemCode.HeadersTooLarge]: 'The request was too large. Sign out and in again, then retry.',
  [ProblemCode.UnsupportedMediaType]: 'This kind of file or content is not supported.',
  [ProblemCode.IdempotencyKeyReused]: 'This request was already sent with other details. Reload the page and retry.',
  [ProblemCode.InvalidToken]: 'This link is invalid or has expired. Ask for a new one.',
  [ProblemCode.WrongPassword]: 'The current password is wrong.',
  [ProblemCode.InvalidCallbackSignature]: 'The ad network could not be verified.',
  [ProblemCode.InvalidToolInput]: detailOr('This input cannot be run.'),
  [ProblemCode.MissingVariable]: detailOr('Fill in every field of the template.'),
  [ProblemCode.TemplateSyntax]: detailOr('The template has a mistake.'),
  [ProblemCode.InvalidWebhookSignature]: 'The payment notification could not be verified.',
  [ProblemCode.ModelNotFound]: 'This model does not exist or is disabled.',
  [ProblemCode.JobTimeout]: 'This run took too long. Check your history: it finishes or is refunded.',
  [ProblemCode.WebhookUrlForbidden]: 'This URL cannot receive webhooks: use a public https address.',
  [ProblemCode.Unauthorized]: 'Your session has ended. Please sign in again.',
  [ProblemCode.InvalidRefreshToken]: 'Your session has ended. Please sign in again.',
  [ProblemCode.TokenReused]: 'Your session has ended. Please sign in again.',
  [ProblemCode.InvalidCredentials]: 'The email or password is wrong.',
  [ProblemCode.AccountBanned]: 'This account is suspended.',
  [ProblemCode.EmailTaken]: 'An account with this email already exists.',
  [ProblemCode.AdminOnly]: 'This needs the admin role.',
  [ProblemCode.ApiKeyScope]: 'An API key cannot do this: sign in instead.',
  [ProblemCode.Forbidden]: 'You are not allowed to do this.',
  [ProblemCode.NotFound]: 'This does not exist (or is not yours).',
  [ProblemCode.InvalidCursor]: 'This list changed: reload the page.',
  [ProblemCode.RateLimited]: (e) =>
    e.problem.retryAfter ? `Too many requests. Try again in ${Number(e.problem.retryAfter)} s.` : 'Too many requests.',
  [ProblemCode.IdempotencyInProgress]: 'This request is still being processed. Wait a moment.',
  [ProblemCode.InsufficientCredits]: (e) =>
    `Not enough credits: this costs ${credits(e.problem.needed)} and your balance is ${credits(e.problem.balance)}.`,
  [ProblemCode.SpendCapReached]: 'This would pass your spending cap. Raise the cap or wait until it resets.',
  [ProblemCode.AlreadyClaimed]: 'This was already claimed.',
  [ProblemCode.AdTooEarly]: (e) =>
    `Too early: the ad needs ${Number(e.problem.remainingSeconds ?? 0)} more seconds before you can claim.`,
  [ProblemCode.AdSessionExpired]: 'This ad expired before it was claimed. Start a new one to earn credits.',
  [ProblemCode.AdDailyCapReached]: (e) => e.detail || 'Daily cap reached for this ad. Come back tomorrow.',
  [ProblemCode.AdNotAvailable]: (e) =>
    `No ad available now, try again in ${Math.max(1, Math.ceil(Number(e.problem.retryAfter ?? 300) / 60))} minutes.`,
  [ProblemCode.AdNotEngaged]: 'The ad has not been seen yet: keep it on screen in a visible tab, then claim.',
  [ProblemCode.PremiumNoAds]: 'Premium accounts are ad-free: there are no ads to watch.',
  [ProblemCode.ToolDisabled]: 'This tool is not available right now.',
  [ProblemCode.PremiumRequired]: 'This tool is for premium members.',
  [ProblemCode.ProviderUnavailable]:
    'No AI provider could answer right now; your credits were refunded. Try again shortly.',
  [ProblemCode.JobNotCancelable]: 'This job already ended, so it cannot be canceled.',
  [ProblemCode.OwnTemplate]: 'You cannot rate your own template.',
  [ProblemCode.NotYourTemplate]: 'Only its creator can do this.',
  [ProblemCode.AlreadyReported]: 'You already reported this template.',
  [ProblemCode.PaymentsUnavailable]: 'Payments are unavailable right now. Try again later.',
  [ProblemCode.NoSubscription]: 'There is no subscription to manage.',
  [ProblemCode.ServiceUnavailable]: 'The service is busy. Try again shortly.',
  [ProblemCode.InternalError]: 'Something went wrong on our side. Try again later.',
};

/** The sentence to show for a failed API call: by the problem's `code`, else its `detail`, else `fallback`. */
export function problemMessage(error: unknown, fallback = 'Something went wrong. Please try again.'): string {
  if (!isApiError(error)) return error instanceof Error && error.message ? error.message : fallback;
  const message = (MESSAGES as Partial<Record<string, Message>>)[error.code];
  if (typeof message === 'function') return message(error);
  return message ?? (error.detail || error.title || fallback);
}
