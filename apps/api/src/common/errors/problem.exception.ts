import { HttpException, HttpStatus } from '@nestjs/common';
import type { FieldError, ProblemCode } from '@megicai/contracts';

export interface ProblemInit {
  status: number;
  /** Stable code; when absent the filter derives one from the status. */
  code?: ProblemCode;
  title?: string;
  detail: string;
  type?: string;
  errors?: FieldError[];
  /** Extension members (e.g. `needed`, `balance`, `adOffer` on a 402). */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * An error that already knows its RFC 9457 shape; the global filter writes it as it is.
 * Legacy: new code throws a feature's own `AppException` subclass with a code instead.
 */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemInit) {
    super(problem.detail, problem.status);
  }

  static badRequest(detail: string, errors?: FieldError[]) {
    return new ProblemException({ status: HttpStatus.BAD_REQUEST, detail, errors });
  }
  static unauthorized(detail: string) {
    return new ProblemException({ status: HttpStatus.UNAUTHORIZED, detail });
  }
  static forbidden(detail: string) {
    return new ProblemException({ status: HttpStatus.FORBIDDEN, detail });
  }
  static notFound(detail = 'Not found.') {
    return new ProblemException({ status: HttpStatus.NOT_FOUND, detail });
  }
  static conflict(detail: string, extensions?: Record<string, unknown>) {
    return new ProblemException({ status: HttpStatus.CONFLICT, detail, extensions });
  }
  static unprocessable(detail: string) {
    return new ProblemException({ status: HttpStatus.UNPROCESSABLE_ENTITY, detail });
  }
  static tooEarly(detail: string, extensions?: Record<string, unknown>) {
    return new ProblemException({ status: 425, title: 'Too Early', detail, extensions });
  }
  static gone(detail: string) {
    return new ProblemException({ status: HttpStatus.GONE, detail });
  }
  static tooManyRequests(detail: string, retryAfterSeconds: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    return new ProblemException({
      status: HttpStatus.TOO_MANY_REQUESTS,
      detail,
      code: 'rate_limited',
      headers: { 'Retry-After': String(seconds) },
      extensions: { retryAfter: seconds },
    });
  }
}
