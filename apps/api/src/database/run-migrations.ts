import type { DataSource } from 'typeorm';

/** Any fixed number: the key of the PostgreSQL advisory lock that migrating processes share. */
const MIGRATION_LOCK = 764_064_800;

/**
 * Applies pending migrations under a session advisory lock, so that an API and a worker (or several API replicas)
 * starting together migrate once, one after the other, instead of racing on the same DDL.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // Another process may migrate for longer than the pool's statement_timeout: wait for it as long as it takes.
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}
