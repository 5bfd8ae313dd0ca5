import { randomBytes } from 'node:crypto';

/** An address nobody has registered yet, in this run or any other: specs never depend on each other's users. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@megicai.test`;
}

export const DEFAULT_PASSWORD = 'e2e-password-123';
