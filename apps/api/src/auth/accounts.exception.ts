import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

/** What account recovery and self-service (verify, reset, change password, delete) may answer. */
export type AccountsCode = Extract<
  ProblemCode,
  'invalid_token' | 'wrong_password' | 'validation_failed' | 'rate_limited' | 'unauthorized'
>;

export class AccountsException extends AppException<AccountsCode> {
  static invalidToken(): AccountsException {
    return new AccountsException('invalid_token', 'This link is invalid, expired or was already used.');
  }

  static wrongPassword(): AccountsException {
    return new AccountsException('wrong_password', 'The current password is wrong.', {
      errors: [{ field: 'currentPassword', message: 'wrong password' }],
    });
  }

  static gone(): AccountsException {
    return new AccountsException('unauthorized', 'This account no longer exists.');
  }

  static tooSoon(retryAfterSeconds: number): AccountsException {
    return new AccountsException('rate_limited', `Please wait ${retryAfterSeconds} s before asking again.`, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }
}
