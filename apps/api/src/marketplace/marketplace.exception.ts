import type { ProblemCode } from '@megicai/contracts';
import { AppException } from '../common/errors/app.exception';

type MarketplaceCode = Extract<
  ProblemCode,
  | 'already_reported'
  | 'invalid_cursor'
  | 'missing_variable'
  | 'not_found'
  | 'not_your_template'
  | 'own_template'
  | 'template_syntax'
  | 'validation_failed'
>;

/** Prompt templates, ratings and search: the codes this feature answers with (HTTP status from `problem-status.ts`). */
export class MarketplaceException extends AppException<MarketplaceCode> {}
