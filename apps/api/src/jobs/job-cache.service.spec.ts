import type { ConfigType } from '@nestjs/config';
import type { jobsConfig } from '../config/jobs.config';
import type { redisConfig } from '../config/redis.config';
import { JobCacheService } from './job-cache.service';

describe('JobCacheService', () => {
  it('keys on tool, provider, model, prompt and options, whatever their order', () => {
    const base = {
      toolId: 't',
      provider: null,
      model: null,
      prompt: 'hello',
      input: { prompt: 'hello', a: 1, b: 'x' },
    };
    const key = JobCacheService.keyOf(base);
    expect(JobCacheService.keyOf({ ...base, input: { b: 'x', a: 1, prompt: 'hello' } })).toBe(key);
    expect(JobCacheService.keyOf({ ...base, prompt: ' hello ' })).toBe(key);
    expect(JobCacheService.keyOf({ ...base, provider: 'openai' })).not.toBe(key);
    expect(JobCacheService.keyOf({ ...base, model: 'm' })).not.toBe(key);
    expect(JobCacheService.keyOf({ ...base, toolId: 'u' })).not.toBe(key);
    expect(JobCacheService.keyOf({ ...base, input: { ...base.input, a: 2 } })).not.toBe(key);
    expect(JobCacheService.keyOf({ ...base, route: ['offline'] })).not.toBe(
      JobCacheService.keyOf({ ...base, route: ['openai', 'offline'] }),
    );
  });

  it('without Redis, misses quickly and never throws, so runs go on uncached', async () => {
    const cache = new JobCacheService(
      { url: 'redis://127.0.0.1:1', prefix: 'down' } as ConfigType<typeof redisConfig>,
      { cacheTtlSeconds: 60 } as ConfigType<typeof jobsConfig>,
    );
    const started = Date.now();
    await expect(cache.get('k')).resolves.toBeNull();
    await expect(
      cache.set('k', { output: { text: 'x', offline: true }, provider: 'p', model: 'm' }),
    ).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
    await cache.onModuleDestroy();
  });
});
