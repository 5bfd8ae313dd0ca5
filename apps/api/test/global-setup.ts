import { randomBytes } from 'node:crypto';
import { createMigratedDatabase } from './test-database';

/** Runs once per `jest` run: one fresh, migrated database and one Redis prefix, inherited by every worker. */
export default async function globalSetup(): Promise<void> {
  const { name, url } = await createMigratedDatabase('test');
  process.env.TEST_DATABASE_NAME = name;
  process.env.DATABASE_URL = url;
  process.env.REDIS_PREFIX = `test-${randomBytes(4).toString('hex')}`;
}
