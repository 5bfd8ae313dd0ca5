import { ProblemCode } from '@megicai/contracts';
import { MarketplaceException } from './marketplace.exception';
import { TemplateSyntaxError } from './template-syntax';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function templateNotFound(): MarketplaceException {
  return new MarketplaceException(ProblemCode.NotFound, 'No such prompt template.');
}

/**
 * Turns a syntax or variable problem into a 400 whose detail and errors name each variable: `template_syntax` while
 * defining a template, `missing_variable` (or `validation_failed` for a bad value) while rendering it.
 */
export function asBadRequest(error: unknown, stage: 'define' | 'render' = 'define'): unknown {
  if (!(error instanceof TemplateSyntaxError)) return error;
  const missing = error.errors.some((e) => e.message.startsWith('missing variable'));
  const code =
    stage === 'define'
      ? ProblemCode.TemplateSyntax
      : missing
        ? ProblemCode.MissingVariable
        : ProblemCode.ValidationFailed;
  return new MarketplaceException(code, error.errors.map((e) => e.message).join('; '), { errors: error.errors });
}
