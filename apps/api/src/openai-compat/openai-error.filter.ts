import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Problem } from '@megicai/contracts';
import { sendError } from '../common/errors/problem-details.filter';
import type { OpenAiErrorDto } from './dto/model-list.dto';

/** OpenAI's error `type` for a status, as its SDKs and clients expect it. */
function errorType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 402) return 'insufficient_credits';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}

/** The platform's problem (status, stable `code`, extension members) in OpenAI's `{error: {...}}` shape. */
export function toOpenAiError(problem: Problem): OpenAiErrorDto {
  const { type: _type, title: _title, status, code, detail, instance: _instance, errors, ...extensions } = problem;
  return {
    error: {
      message: detail ?? _title,
      type: errorType(status),
      code,
      param: errors?.[0]?.field ?? null,
      ...(errors ? { errors } : {}),
      ...extensions,
    },
  };
}

/**
 * Controller-scoped on the OpenAI-compatible API: every error (feature exceptions, guards' 401/403/429, validation)
 * keeps the platform's status and code but is shaped like OpenAI's, which its SDKs raise as `APIError`.
 */
@Catch()
export class OpenAiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('OpenAiCompat');

  catch(exception: unknown, host: ArgumentsHost): void {
    sendError(exception, host, this.logger, (problem) => ({
      contentType: 'application/json',
      body: toOpenAiError(problem),
    }));
  }
}
