import * as pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/database.config';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export type PoolLimits = Omit<DatabaseConfig, 'url'>;

/**
 * Shared by the app, the CLI data source and the test set-up. Never `synchronize`: the schema is the migrations.
 * With `limits` (the app), every wait is bounded: for a pool connection, for a lock, for a statement, and for a
 * transaction left idle — a stuck request answers 503 instead of holding connections and locks for ever.
 */
export function baseDataSourceOptions(url: string, limits?: PoolLimits): DataSourceOptions {
  return {
    type: 'postgres',
    // Handed over explicitly: TypeORM's own lookup of `pg` misfires under jest's module registry.
    driver: pg,
    url,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    extra: limits
      ? {
          max: limits.poolSize,
          connectionTimeoutMillis: limits.poolAcquireTimeoutMs,
          // pg sends these as start-up parameters of every connection of the pool.
          lock_timeout: limits.lockTimeoutMs,
          statement_timeout: limits.statementTimeoutMs,
          idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
        }
      : { max: Number(process.env.DATABASE_POOL_SIZE ?? 20) },
  };
}
