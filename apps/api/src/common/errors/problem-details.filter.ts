import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type Problem, type ProblemCode } from '@megicai/contracts';
import { AppException } from './app.exception';
import { InfrastructureException, isInfrastructureError } from './infrastructure.exception';
import { codeForStatus, PROBLEM_STATUS } from './problem-status';
import { problemTitle, problemType } from './problem-titles';

/** Every error leaves the API as RFC 9457 problem+json; unknown errors become a 500 without internals. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    sendError(exception, host, this.logger, (problem) => ({ contentType: PROBLEM_CONTENT_TYPE, body: problem }));
  }
}

/**
 * Answers an exception as its problem (status and headers), in the body `render` makes of it: problem+json here,
 * another wire format where a protocol needs one (the OpenAI-compatible API). 5xx are logged, never shown.
 */
export function sendError(
  exception: unknown,
  host: ArgumentsHost,
  logger: Logger,
  render: (problem: Problem) => { contentType: string; body: unknown },
): void {
  const http = host.switchToHttp();
  const reply = http.getResponse<FastifyReply>();
  const request = http.getRequest<FastifyRequest>();
  const { problem, headers } = toProblem(exception, request.url);
  if (problem.status >= 500 && problem.code === 'service_unavailable') {
    // Expected during an outage or a lock pile-up: one line, not a stack per request.
    logger.warn(
      `503 on ${request.method} ${request.url}: ${exception instanceof Error ? exception.message : String(exception)}`,
    );
  } else if (problem.status >= 500) logger.error(exception instanceof Error ? exception.stack : String(exception));
  for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
  const { contentType, body } = render(problem);
  void reply.status(problem.status).type(contentType).send(body);
}

export function toProblem(
  exception: unknown,
  instance?: string,
): { problem: Problem; headers: Record<string, string> } {
  // A bounded wait that ran out (lock, statement, pool) or a server away: 503 + Retry-After, never a 500 or a hang.
  if (!(exception instanceof AppException) && isInfrastructureError(exception)) {
    return toProblem(new InfrastructureException(), instance);
  }
  if (exception instanceof AppException) {
    const code = exception.code as ProblemCode;
    const status = PROBLEM_STATUS[code];
    const { errors, extensions, headers } = exception.extras;
    return {
      problem: {
        type: problemType(status),
        title: problemTitle(status),
        status,
        code,
        detail: exception.detail,
        instance,
        ...(errors ? { errors } : {}),
        ...extensions,
      },
      headers: headers ?? {},
    };
  }
  const status = statusOf(exception);
  const detail =
    status >= 500 ? 'Something went wrong on our side. Try again later.' : friendlyDetail(status, messageOf(exception));
  const code = status === 400 && /JSON/.test(messageOf(exception) ?? '') ? 'invalid_json' : codeForStatus(status);
  return {
    problem: { type: problemType(status), title: problemTitle(status), status, code, detail, instance },
    headers: {},
  };
}

/** Fastify's own wording for parser errors is aimed at developers of Fastify, not of clients. */
function friendlyDetail(status: number, message: string | undefined): string {
  if (status === 400 && message && /JSON/.test(message)) return 'The request body is not valid JSON.';
  if (status === 413) return 'The request body is too large.';
  if (status === 415) return 'Send the body as application/json.';
  return message ?? problemTitle(status);
}

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  const code = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof code === 'number' && code >= 400 && code < 600) return code;
  return HttpStatus.INTERNAL_SERVER_ERROR;
}

function messageOf(exception: unknown): string | undefined {
  if (exception instanceof HttpException) {
    const body = exception.getResponse();
    if (typeof body === 'string') return body;
    const message = (body as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    if (typeof message === 'string') return message;
  }
  if (exception instanceof Error) return exception.message;
  return undefined;
}
