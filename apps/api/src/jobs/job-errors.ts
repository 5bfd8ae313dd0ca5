import { isInfrastructureError } from '../common/errors/infrastructure.exception';
import { ProviderError } from '../providers/provider-error';
import { AllProvidersFailedError } from '../providers/provider-run.interface';
import type { StoredAttempt } from './entities/job.entity';

/**
 * What a user reads in a failed job's `error`: chosen by category, never the raw text of an upstream, a driver or
 * BullMQ (which can carry internal addresses, host names or another company's wording). The raw text stays in the
 * logs and in the job's `attempts`, which only admins see.
 */
export const JobErrorMessage = {
  providerRefused:
    'The AI provider refused this request (for example under its content policy). Your credits were refunded.',
  providersUnavailable:
    'No AI provider could finish this job right now. Your credits were refunded; try again shortly.',
  timedOut: 'The job took too long and was stopped. Your credits were refunded.',
  interrupted: 'The job was interrupted repeatedly and was stopped. Your credits were refunded.',
  infrastructure: 'A temporary problem on our side stopped this job. Your credits were refunded.',
  toolGone: 'The tool no longer exists. Your credits were refunded.',
  serverStopped: 'The server stopped while answering. Your credits were refunded.',
  unknown: 'The job failed. Your credits were refunded.',
} as const;

/** True for a provider's own "no" to this request (a 4xx other than 408/425/429): trying again would not help. */
export function isProviderRefusal(error: unknown): error is ProviderError {
  return (
    error instanceof ProviderError &&
    !(error instanceof AllProvidersFailedError) &&
    !error.retryable &&
    error.status !== undefined &&
    error.status >= 400 &&
    error.status < 500
  );
}

export function friendlyJobError(error: unknown): string {
  if (isProviderRefusal(error)) return JobErrorMessage.providerRefused;
  if (error instanceof ProviderError) {
    return error.code === 'timeout' ? JobErrorMessage.timedOut : JobErrorMessage.providersUnavailable;
  }
  if (isInfrastructureError(error)) return JobErrorMessage.infrastructure;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return JobErrorMessage.timedOut;
  return JobErrorMessage.unknown;
}

/** What the owner of a job reads about one failed provider attempt: its category, not the provider's own words. */
export function attemptSummary(a: Pick<StoredAttempt, 'status' | 'code'>): string {
  if (a.code === 'timeout') return 'timed out';
  if (a.code === 'circuit_open') return 'skipped: the provider is failing right now';
  if (a.status === 429) return 'the provider is busy (rate limited)';
  if (a.status !== undefined && a.status >= 500) return 'the provider had an error';
  if (a.status !== undefined && a.status >= 400) return 'the provider refused the request';
  return 'the provider could not be reached';
}

/** BullMQ's reason for a job that failed for good, as a user may read it. */
export function friendlyQueueFailure(reason: string | undefined): string {
  if (reason && /stalled more than allowable limit/i.test(reason)) return JobErrorMessage.interrupted;
  return JobErrorMessage.unknown;
}

/** The raw failure, for admins: the providers' attempts, or the error itself as one attempt. */
export function rawAttempts(error: unknown, fallback: { provider: string; model: string }): StoredAttempt[] {
  if (error instanceof AllProvidersFailedError) return error.attempts.map(toStoredAttempt);
  const e = error instanceof ProviderError ? error : undefined;
  return [
    toStoredAttempt({
      provider: e?.provider ?? fallback.provider,
      model: fallback.model,
      error: error instanceof Error ? error.message : String(error),
      ...(e?.status === undefined ? {} : { status: e.status }),
      ...(e ? { code: e.code } : {}),
    }),
  ];
}

export function toStoredAttempt(a: {
  provider: string;
  model: string;
  error: string;
  status?: number;
  code?: string;
  durationMs?: number;
}): StoredAttempt {
  return {
    provider: a.provider,
    model: a.model,
    error: a.error.slice(0, 500),
    ...(a.status === undefined ? {} : { status: a.status }),
    ...(a.code === undefined ? {} : { code: a.code }),
    ...(a.durationMs === undefined ? {} : { durationMs: a.durationMs }),
  };
}
