import * as pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Shared by the app, the CLI data source and the test set-up. Never `synchronize`: the schema is the migrations. */
export function baseDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    // Handed over explicitly: TypeORM's own lookup of `pg` misfires under jest's module registry.
    driver: pg,
    url,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // Room for parallel runs on a 2-core machine without exhausting PostgreSQL's default 100 connections.
    extra: { max: Number(process.env.DATABASE_POOL_SIZE ?? 20) },
  };
}
