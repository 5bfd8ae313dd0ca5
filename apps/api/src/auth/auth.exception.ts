import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

type AuthCode = Extract<
  ProblemCode,
  | 'account_banned'
  | 'api_key_scope'
  | 'conflict'
  | 'email_taken'
  | 'invalid_credentials'
  | 'invalid_refresh_token'
  | 'not_found'
  | 'token_reused'
  | 'validation_failed'
>;

/** Sign-in, tokens and API keys: the codes this feature answers with (HTTP status from `problem-status.ts`). */
export class AuthException extends AppException<AuthCode> {}
