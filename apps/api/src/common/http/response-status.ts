import type { FastifyInstance, FastifyRequest } from 'fastify';

const STATUS = Symbol('responseStatus');

/**
 * Lets a handler (or interceptor) answer with a status that depends on the outcome — 200 for a text run, 202 for a
 * queued one — without taking over the response from Nest: the status is applied in Fastify's onSend hook.
 */
export function setResponseStatus(request: FastifyRequest | { raw?: unknown }, status: number): void {
  (request as unknown as Record<symbol, number>)[STATUS] = status;
}

export function getResponseStatus(request: FastifyRequest | { raw?: unknown }): number | undefined {
  return (request as unknown as Record<symbol, number | undefined>)[STATUS];
}

export function registerResponseStatusHook(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    const status = getResponseStatus(request);
    if (status !== undefined && reply.statusCode < 400) void reply.code(status);
    return payload;
  });
}
