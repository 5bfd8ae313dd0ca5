import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { appConfig } from './app.config';
import { authConfig } from './auth.config';
import { creditsConfig } from './credits.config';
import { databaseConfig } from './database.config';
import { redisConfig } from './redis.config';

/** Config read once at start-up from the environment (and `.env` outside tests), validated, typed. */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      ignoreEnvFile: process.env.NODE_ENV === 'test',
      load: [appConfig, authConfig, databaseConfig, redisConfig, creditsConfig],
    }),
  ],
})
export class AppConfigModule {}
