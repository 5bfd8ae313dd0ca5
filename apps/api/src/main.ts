import 'reflect-metadata';
import { resolve } from 'node:path';
import { createApp } from './bootstrap/create-app';
import { appConfig } from './config/app.config';
import { readDatabaseConfig } from './config/database.config';
import { ensureDatabase } from './database/ensure-database';
import { startWorker } from './worker';

async function bootstrap(): Promise<void> {
  if (process.env.NODE_ENV !== 'production') await ensureDatabase(readDatabaseConfig().url);
  // Read (and validated) before Nest starts: the HTTP adapter needs trustProxy when it is created.
  const { port, runWorker, trustProxy, webDist } = appConfig();
  const app = await createApp({ webDist: webDist ?? resolve(__dirname, '..', '..', 'web', 'dist'), trustProxy });
  if (runWorker === 'inline') await startWorker();
  await app.listen({ port, host: '0.0.0.0' });
  console.log(`MegicAI listening on http://localhost:${port} (API /api/v1, docs /api/docs, worker ${runWorker})`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
