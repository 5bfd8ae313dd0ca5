import { ProblemCode } from '@megicai/contracts';
import { type ApiError, isApiError } from './api-error';

type Message = string | ((error: ApiError) => string);

const credits = (value: unknown) => `${Number(value ?? 0)} credits`;

/**
 * What the SPA says for each problem `code` it knows. Codes whose `detail` is already the best sentence (field
 * validation naming the fields, a template's variables, a provider's refusal) are left out and fall back to it.
 */
const MESSAGES: Partial<Record<string, Message>> = {
  network_error: 'Could not reach the server. Check your connection and try again.',
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
  const message = MESSAGES[error.code];
  if (typeof message === 'function') return message(error);
  return message ?? (error.detail || error.title || fallback);
}
