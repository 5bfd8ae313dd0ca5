import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE, type Problem } from '@megicai/contracts';
import { codeForStatus } from '../errors/problem-status';
import { problemTitle, problemType } from '../errors/problem-titles';

function problemFor(status: number, detail: string, instance?: string): Problem {
  return {
    type: problemType(status),
    title: problemTitle(status),
    status,
    code: codeForStatus(status),
    detail,
    instance,
  };
}

/**
 * Fastify's `frameworkErrors`: errors its router raises before any route runs (a path that does not decode, a path
 * parameter over `maxParamLength`). Fastify would answer plain JSON; clients get problem+json with a code.
 */
export function frameworkErrorHandler(
  error: Error & { statusCode?: number; code?: string },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const status = tooLong ? 414 : (error.statusCode ?? 400);
  const detail = tooLong ? 'A path parameter is too long.' : 'The request URL is malformed.';
  void reply
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problemFor(status, detail, request.url.split('?')[0].slice(0, 200)));
}

const CLIENT_ERRORS: Record<string, { status: number; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, detail: 'The request line or headers are too large.' },
};

/**
 * Node's `clientError`: a request so malformed (broken framing, oversized headers or URL) that no Fastify request
 * exists. Answered on the raw socket, still as problem+json, then the connection is closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const { status, detail } = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, detail: 'The request is malformed.' };
  const body = JSON.stringify(problemFor(status, detail));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
