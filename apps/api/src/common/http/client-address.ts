import type { FastifyRequest } from 'fastify';

/**
 * The caller's address. Fastify's `trustProxy` (from TRUST_PROXY) already resolves X-Forwarded-For into `ip`,
 * so behind a load balancer this is the client, not the balancer.
 */
export function clientAddress(request: Pick<FastifyRequest, 'ip'>): string {
  return request.ip ?? 'unknown';
}
