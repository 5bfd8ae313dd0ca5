import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

type ConversationsCode = Extract<ProblemCode, 'not_found' | 'invalid_tool_input' | 'validation_failed'>;

/** Conversations: the codes this feature answers with (HTTP status from `problem-status.ts`). */
export class ConversationsException extends AppException<ConversationsCode> {}
