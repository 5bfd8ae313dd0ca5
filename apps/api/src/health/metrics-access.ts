import { createHash, timingSafeEqual } from 'node:crypto';
import { HealthException } from './health.exception';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * `/api/metrics` in production: only with `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise), and not there at
 * all (404) while no token is configured. Outside production it stays open for local scraping and the tests.
 */
export function assertMetricsAccess(
  config: { nodeEnv: string; metricsToken?: string },
  authorization: string | undefined,
): void {
  if (config.nodeEnv !== 'production') return;
  if (!config.metricsToken) throw new HealthException('not_found', 'No route GET /api/metrics.');
  const presented = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  // Compared as digests: equal lengths for timingSafeEqual, and no early exit on the first differing byte.
  if (!timingSafeEqual(digest(presented), digest(config.metricsToken))) {
    throw new HealthException('unauthorized', 'The metrics token is missing or wrong.', {
      headers: { 'WWW-Authenticate': 'Bearer realm="metrics"' },
    });
  }
}
