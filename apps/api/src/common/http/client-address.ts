import type { FastifyRequest } from 'fastify';

/**
 * The caller's address. Fastify's `trustProxy` (TRUST_PROXY hops) already resolves X-Forwarded-For into `ip`,
 * counting hops from the right, so behind a load balancer this is the client, not the balancer, and an address the
 * client wrote into X-Forwarded-For itself is ignored.
 */
export function clientAddress(request: Pick<FastifyRequest, 'ip'>): string {
  return request.ip ?? 'unknown';
}
