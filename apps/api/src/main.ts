import 'reflect-metadata';
import { resolve } from 'node:path';
import { createApp } from './bootstrap/create-app';
import { appConfig } from './config/app.config';
import { readDatabaseConfig } from './config/database.config';
import { ensureDatabase } from './database/ensure-database';
import { startWorker } from './worker';
import { WorkerSupervisor } from './bootstrap/worker-supervisor';

async function bootstrap(): Promise<void> {
  if (process.env.NODE_ENV !== 'production') await ensureDatabase(readDatabaseConfig().url);
  // Read (and validated) before Nest starts: the HTTP adapter needs trustProxy when it is created.
  const { port, runWorker, trustProxy, webDist } = appConfig();
  const app = await createApp({ webDist: webDist ?? resolve(__dirname, '..', '..', 'web', 'dist'), trustProxy });
  if (runWorker === 'inline') await startWorker();
  if (runWorker === 'process') superviseWorker();
  await app.listen({ port, host: '0.0.0.0' });
  console.log(`MegicAI listening on http://localhost:${port} (API /api/v1, docs /api/docs, worker ${runWorker})`);
}

/** The worker as a child process; the API's own shutdown hooks close HTTP while the worker drains its jobs. */
function superviseWorker(): void {
  const supervisor = new WorkerSupervisor();
  supervisor.start();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void supervisor.stop(signal));
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
