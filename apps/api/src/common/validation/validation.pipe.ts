import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { CommonException } from '../errors/common.exception';

/** Unknown fields are refused (never silently stored); every field error is named in `errors`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      return new CommonException(
        ProblemCode.ValidationFailed,
        fieldErrors.length === 1 ? fieldErrors[0].message : 'The request has invalid fields.',
        { errors: fieldErrors },
      );
    },
  });
}

export function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? `${field} is not an accepted field` : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
