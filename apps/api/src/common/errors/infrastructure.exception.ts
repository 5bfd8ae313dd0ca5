import type { ProblemCode } from '@megicai/contracts';
import { AppException } from './app.exception';

type InfrastructureCode = Extract<ProblemCode, 'service_unavailable'>;

/** Seconds a client is told to wait after an infrastructure hiccup (a lock or pool wait ran out, a server is away). */
const RETRY_AFTER_SECONDS = 2;

/**
 * PostgreSQL SQLSTATEs that mean "try again shortly", not "this request is wrong": lock_not_available (lock_timeout),
 * query_canceled (statement_timeout), deadlock_detected, serialization_failure, too_many_connections, shutdown in
 * progress, idle-in-transaction timeout, and the whole connection-exception class 08.
 */
const TRANSIENT_SQLSTATES = new Set(['55P03', '57014', '40P01', '40001', '53300', '57P01', '57P02', '57P03', '25P03']);
const TRANSIENT_NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
/** pg-pool, pg and ioredis say these in words only. */
const TRANSIENT_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down|in recovery)/i,
  /Stream isn't writeable and enableOfflineQueue options is false/i,
  /Reached the max retries per request limit/i,
  /Command timed out/i,
  /Connection is closed/i,
];

/**
 * True for an error of PostgreSQL, the pool or Redis that says the infrastructure is briefly unavailable (a wait was
 * bounded and ran out, a server is restarting) rather than that the request or the code is wrong.
 */
export function isInfrastructureError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: unknown; driverError?: { code?: unknown }; errors?: unknown[] };
  const code = typeof e.code === 'string' ? e.code : e.driverError?.code;
  if (typeof code === 'string' && (TRANSIENT_SQLSTATES.has(code) || code.startsWith('08'))) return true;
  if (typeof code === 'string' && TRANSIENT_NET_CODES.has(code)) return true;
  // Node's AggregateError when every address of a host refused (ECONNREFUSED on ::1 and 127.0.0.1).
  if (Array.isArray(e.errors) && e.errors.some(isInfrastructureError)) return true;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  if (TRANSIENT_MESSAGES.some((re) => re.test(e.message))) return true;
  return e.cause !== undefined && e.cause !== error && isInfrastructureError(e.cause);
}

/** 503 + Retry-After: the request may well succeed if repeated in a moment. Never carries the internal message. */
export class InfrastructureException extends AppException<InfrastructureCode> {
  constructor(detail = 'The service is briefly unavailable. Try again in a moment.') {
    super('service_unavailable', detail, {
      headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      extensions: { retryAfter: RETRY_AFTER_SECONDS },
    });
  }
}
