import { Test } from '@nestjs/testing';
import { IS_PUBLIC } from '../common/auth/public.decorator';
import { readProvidersConfig } from '../config/providers.config';
import { ProvidersController } from './providers.controller';
import { ProvidersModule } from './providers.module';
import { ProvidersService } from './providers.service';

describe('ProvidersModule', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('wires the service from the providers config and serves GET /providers publicly', async () => {
    process.env.OPENAI_API_KEY = 'sk-test';
    delete process.env.OPENROUTER_API_KEY;
    const moduleRef = await Test.createTestingModule({ imports: [ProvidersModule] }).compile();
    const controller = moduleRef.get(ProvidersController);

    const list = controller.list();
    expect(list.find((p) => p.id === 'openai')).toMatchObject({ available: true, healthy: true });
    expect(list.find((p) => p.id === 'openrouter')).toMatchObject({ available: false });
    expect(list.find((p) => p.id === 'offline')).toMatchObject({ available: true });
    expect(moduleRef.get(ProvidersService)).toBeInstanceOf(ProvidersService);
    expect(Reflect.getMetadata(IS_PUBLIC, ProvidersController.prototype.list)).toBe(true);
    await moduleRef.close();
  });
});

describe('providers config', () => {
  it('has defaults that need no environment', () => {
    const config = readProvidersConfig({});
    expect(config).toMatchObject({ offlineDelayMs: 1500, retries: 2, breakerThreshold: 5 });
    expect(config.openaiApiKey).toBeUndefined();
  });

  it('reads the environment and rejects bad values by name', () => {
    expect(readProvidersConfig({ PROVIDER_RETRIES: '0', HF_ENDPOINT_URL: 'http://127.0.0.1:8080' })).toMatchObject({
      retries: 0,
      hfEndpointUrl: 'http://127.0.0.1:8080',
    });
    expect(() => readProvidersConfig({ OFFLINE_DELAY_MS: '-1' })).toThrow(/offlineDelayMs/);
    expect(() => readProvidersConfig({ OLLAMA_BASE_URL: 'not a url' })).toThrow(/ollamaBaseUrl/);
  });
});
