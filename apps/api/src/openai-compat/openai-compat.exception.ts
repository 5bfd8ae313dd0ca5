import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

export type OpenAiCompatCode = Extract<
  ProblemCode,
  'model_not_found' | 'job_timeout' | 'provider_unavailable' | 'conflict' | 'validation_failed'
>;

/** Errors of the OpenAI-compatible API; its filter answers them (like every other problem) in OpenAI's shape. */
export class OpenAiCompatException extends AppException<OpenAiCompatCode> {}
