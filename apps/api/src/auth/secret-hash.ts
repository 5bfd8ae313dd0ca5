import { createHash, randomBytes } from 'node:crypto';

/** Refresh tokens and API keys are 256-bit random values, so a fast hash is enough to store them safely. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
