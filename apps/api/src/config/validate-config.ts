import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * Turns the raw environment into a typed, validated config object.
 * Called once per namespace at start-up; a bad or missing value stops the start with a message naming it.
 */
export function validateConfig<T extends object>(namespace: string, cls: new () => T, raw: Record<string, unknown>): T {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const instance = plainToInstance(cls, defined, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(instance, { whitelist: true, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration (${namespace}):\n${lines.join('\n')}`);
  }
  return instance;
}

/**
 * In production, a secret left at its development default is a mistake that must stop the start, with the name of
 * the variable to set.
 */
export function requireInProduction(names: string[]): void {
  if (process.env.NODE_ENV !== 'production') return;
  const missing = names.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(`${missing.join(', ')} must be set when NODE_ENV=production (a random secret of 32+ characters).`);
  }
}
