import { readProvidersConfig } from '../../config/providers.config';
import { ProviderRegistry } from '../provider-registry';
import { ProvidersService } from '../providers.service';
import type { FakeServer } from './fake-http-server';

/** Test support only: a ProvidersService whose `openai` is `first` and whose `openrouter` is `second`. */
export function twoProviderService(
  first: FakeServer,
  second: FakeServer,
  env: NodeJS.ProcessEnv = {},
): ProvidersService {
  const config = readProvidersConfig({
    OPENAI_API_KEY: 'sk-first',
    OPENAI_BASE_URL: `${first.origin}/v1`,
    OPENROUTER_API_KEY: 'sk-second',
    OPENROUTER_BASE_URL: `${second.origin}/v1`,
    OFFLINE_DELAY_MS: '0',
    ...env,
  });
  return new ProvidersService(config, ProviderRegistry.fromConfig(config));
}
