import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

type ToolsCode = Extract<ProblemCode, 'invalid_tool_input' | 'not_found' | 'validation_failed'>;

/** The tool catalog and tool input: the codes this feature answers with (HTTP status from `problem-status.ts`). */
export class ToolsException extends AppException<ToolsCode> {}
