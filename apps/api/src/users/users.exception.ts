import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

type UsersCode = Extract<ProblemCode, 'unauthorized'>;

/** The signed-in user: the codes this feature answers with (HTTP status from `problem-status.ts`). */
export class UsersException extends AppException<UsersCode> {}
