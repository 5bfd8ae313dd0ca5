import { ProblemException } from '../common/errors/problem.exception';
import { TemplateSyntaxError } from './template-syntax';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function templateNotFound(): ProblemException {
  return ProblemException.notFound('No such prompt template.');
}

/** Turns a syntax or variable problem into a 400 whose detail and errors name each variable. */
export function asBadRequest(error: unknown): unknown {
  if (!(error instanceof TemplateSyntaxError)) return error;
  return ProblemException.badRequest(error.errors.map((e) => e.message).join('; '), error.errors);
}
