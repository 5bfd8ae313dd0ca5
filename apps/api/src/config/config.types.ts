import type { AppConfig } from './app.config';
import type { AuthConfig } from './auth.config';
import type { DatabaseConfig } from './database.config';
import type { RedisConfig } from './redis.config';

/** Every namespace by name, for `ConfigService<AllConfig, true>.get('app.port', { infer: true })`. */
export interface AllConfig {
  app: AppConfig;
  auth: AuthConfig;
  database: DatabaseConfig;
  redis: RedisConfig;
}
