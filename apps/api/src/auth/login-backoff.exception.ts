import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

export class LoginBackoffException extends AppException<Extract<ProblemCode, 'rate_limited'>> {
  constructor(retryAfterSeconds: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super('rate_limited', `Too many failed logins. Wait ${seconds} s before trying again.`, {
      headers: { 'Retry-After': String(seconds) },
      extensions: { retryAfter: seconds },
    });
  }
}
