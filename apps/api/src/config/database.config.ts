import { registerAs } from '@nestjs/config';
import { IsString, Matches } from 'class-validator';
import { validateConfig } from './validate-config';

export class DatabaseConfig {
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  url: string = 'postgres://postgres@127.0.0.1:5432/megicai';
}

export function readDatabaseConfig(): DatabaseConfig {
  return validateConfig('database', DatabaseConfig, { url: process.env.DATABASE_URL });
}

export const databaseConfig = registerAs('database', readDatabaseConfig);
