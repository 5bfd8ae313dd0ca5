import { registerAs } from '@nestjs/config';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

export class DatabaseConfig {
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  url: string = 'postgres://postgres@127.0.0.1:5432/megicai';

  /** Connections per process. Room for parallel runs on a small machine without exhausting max_connections. */
  @IsInt()
  @Min(1)
  @Max(500)
  poolSize: number = 20;

  /**
   * How long a request may wait for a free pool connection before it answers 503 (pg's `connectionTimeoutMillis`,
   * which also bounds opening a connection while PostgreSQL is down).
   */
  @IsInt()
  @Min(100)
  poolAcquireTimeoutMs: number = 5000;

  /** The longest wait for a row or table lock (`lock_timeout`): a request never queues behind a lock for ever. */
  @IsInt()
  @Min(100)
  lockTimeoutMs: number = 3000;

  /** The longest any one statement may run (`statement_timeout`). */
  @IsInt()
  @Min(100)
  statementTimeoutMs: number = 15_000;

  /**
   * A transaction left open without a statement for this long is ended by PostgreSQL
   * (`idle_in_transaction_session_timeout`), releasing its locks even if the code holding it is stuck.
   */
  @IsInt()
  @Min(100)
  idleInTransactionTimeoutMs: number = 10_000;
}

export function readDatabaseConfig(): DatabaseConfig {
  return validateConfig('database', DatabaseConfig, {
    url: process.env.DATABASE_URL,
    poolSize: process.env.DATABASE_POOL_SIZE,
    poolAcquireTimeoutMs: process.env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
    lockTimeoutMs: process.env.DATABASE_LOCK_TIMEOUT_MS,
    statementTimeoutMs: process.env.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: process.env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  });
}

export const databaseConfig = registerAs('database', readDatabaseConfig);
