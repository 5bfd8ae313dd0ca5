/** The ceiling for media jobs: BullMQ no-op jobs on the same Redis, as many submitters and the same concurrency. */
import { Queue, Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';

export async function bareQueueJobsPerSecond(options: {
  jobs: number;
  submitters: number;
  jobConcurrency: number;
}): Promise<number> {
  const connection = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' };
  const prefix = `bench-bare-${randomBytes(4).toString('hex')}`;
  const queue = new Queue('noop', { connection, prefix });
  let done = 0;
  let resolveAll!: () => void;
  const all = new Promise<void>((resolve) => (resolveAll = resolve));
  const worker = new Worker('noop', async () => undefined, { connection, prefix, concurrency: options.jobConcurrency });
  worker.on('completed', () => {
    done += 1;
    if (done === options.jobs) resolveAll();
  });
  await worker.waitUntilReady();
  const started = Date.now();
  let next = 0;
  const submitter = async () => {
    while (next < options.jobs) {
      next += 1;
      await queue.add('noop', { n: next }, { removeOnComplete: true });
    }
  };
  await Promise.all(Array.from({ length: options.submitters }, submitter));
  await all;
  const perSec = options.jobs / ((Date.now() - started) / 1000);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return perSec;
}
