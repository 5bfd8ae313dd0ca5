import type { FieldError, ProblemCode } from '@megicai/contracts';
import { AppException } from '../errors/app.exception';
import { codeForStatus, PROBLEM_STATUS } from '../errors/problem-status';

/**
 * The error problem stored with an Idempotency-Key, answered again to a retry: same code (hence status), detail,
 * field errors and extension members as the first answer.
 */
export class StoredProblemException extends AppException {
  static from(status: number, body: Record<string, unknown>): StoredProblemException {
    const { status: _s, title: _t, type: _y, instance: _i, code, detail, errors, ...extensions } = body;
    // Records written before problems had codes (or with a code since retired) fall back to the stored status.
    const known = typeof code === 'string' && code in PROBLEM_STATUS ? (code as ProblemCode) : codeForStatus(status);
    return new StoredProblemException(known, typeof detail === 'string' ? detail : '', {
      errors: Array.isArray(errors) ? (errors as FieldError[]) : undefined,
      extensions,
    });
  }
}
