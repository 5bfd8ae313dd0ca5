import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, Observable, of, throwError } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import type { Principal } from '../auth/principal';
import { ProblemCode } from '@megicai/contracts';
import { AppException } from '../errors/app.exception';
import { CommonException } from '../errors/common.exception';
import { PROBLEM_STATUS } from '../errors/problem-status';
import { getResponseStatus, setResponseStatus } from '../http/response-status';
import { IDEMPOTENT } from './idempotency.constants';
import { IdempotencyService } from './idempotency.service';
import { StoredProblemException } from './stored-problem.exception';

const HEADER = 'idempotency-key';
const REPLAYED_HEADERS = ['location'];
/** Errors that a retry with the same key should see again: the request itself was wrong or could not be paid. */
const FINAL_ERRORS = new Set([400, 402, 403, 404, 410, 422]);

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly idempotency: IdempotencyService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(IDEMPOTENT, context.getHandler())) return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: Principal }>();
    const reply = http.getResponse<FastifyReply>();
    const header = request.headers[HEADER];
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || !request.user) return next.handle();
    if (key.length < 1 || key.length > 255) {
      return throwError(
        () =>
          new CommonException(ProblemCode.ValidationFailed, 'Idempotency-Key must be 1–255 characters.', {
            errors: [{ field: 'Idempotency-Key', message: 'must be 1–255 characters' }],
          }),
      );
    }
    const userId = request.user.userId;
    const hash = IdempotencyService.hashRequest(request.method, request.url, request.body);
    const defaultStatus =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ??
      (request.method === 'POST' ? 201 : 200);

    return from(this.idempotency.claim(userId, key, hash)).pipe(
      mergeMap((claim) => {
        switch (claim.kind) {
          case 'mismatch':
            throw new CommonException(
              ProblemCode.IdempotencyKeyReused,
              'This Idempotency-Key was already used with another request body.',
            );
          case 'in_flight':
            throw new CommonException(
              ProblemCode.IdempotencyInProgress,
              'A request with this Idempotency-Key is still being processed.',
            );
          case 'replay':
            return this.replay(request, reply, claim.status, claim.body, claim.headers);
          case 'claimed':
            return next.handle().pipe(
              mergeMap(async (body: unknown) => {
                const status = getResponseStatus(request) ?? defaultStatus;
                await this.idempotency.complete(userId, key, status, body, pickHeaders(reply));
                return body;
              }),
              catchError((error: unknown) => from(this.onError(userId, key, error))),
            );
        }
      }),
    );
  }

  private replay(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    body: unknown,
    headers: Record<string, string>,
  ) {
    void reply.header('Idempotent-Replayed', 'true');
    for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
    if (status >= 400) throw StoredProblemException.from(status, body as Record<string, unknown>);
    setResponseStatus(request, status);
    return of(body);
  }

  private async onError(userId: string, key: string, error: unknown): Promise<never> {
    if (error instanceof AppException && FINAL_ERRORS.has(PROBLEM_STATUS[error.code as ProblemCode])) {
      const { problem } = await import('../errors/problem-details.filter').then((m) => m.toProblem(error));
      await this.idempotency.complete(userId, key, problem.status, problem, {});
    } else {
      await this.idempotency.abandon(userId, key);
    }
    throw error;
  }
}

function pickHeaders(reply: FastifyReply): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (typeof value === 'string') picked[name] = value;
  }
  return picked;
}
