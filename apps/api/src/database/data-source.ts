import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { readDatabaseConfig } from '../config/database.config';
import { baseDataSourceOptions } from './typeorm-options';

/** For the TypeORM CLI (`npm run migration:*`); the app builds its own from the same options. */
export default new DataSource({
  ...baseDataSourceOptions(readDatabaseConfig().url),
  entities: [join(__dirname, '..', '**', '*.entity.{ts,js}')],
});
