import type { ResponseLimits } from '../response-limits';

/** Test support only: the default PROVIDER_MAX_*_BYTES, for adapters built by hand in specs. */
export const TEST_LIMITS: ResponseLimits = {
  text: 1024 * 1024,
  image: 32 * 1024 * 1024,
  audio: 32 * 1024 * 1024,
  video: 256 * 1024 * 1024,
};
