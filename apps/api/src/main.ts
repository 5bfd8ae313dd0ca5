import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { resolve } from 'node:path';
import { createApp } from './bootstrap/create-app';
import type { AllConfig } from './config/config.types';
import { startWorker } from './worker';

async function bootstrap(): Promise<void> {
  const webDist = process.env.WEB_DIST ?? resolve(__dirname, '..', '..', 'web', 'dist');
  const app = await createApp({ webDist, trustProxy: ['1', 'true'].includes(process.env.TRUST_PROXY ?? '') });
  const config = app.get<ConfigService<AllConfig, true>>(ConfigService);
  const { port, runWorker } = config.get('app', { infer: true });
  if (runWorker === 'inline') await startWorker();
  await app.listen({ port, host: '0.0.0.0' });
  app.get(ConfigService);
  console.log(`MegicAI listening on http://localhost:${port} (API /api/v1, docs /api/docs, worker ${runWorker})`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
