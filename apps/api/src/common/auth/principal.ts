import type { ApiKeyScope, Role } from '@megicai/contracts';

/** Who is calling: a person with an access token, or a third party with an API key acting as its owner. */
export interface Principal {
  userId: string;
  role: Role;
  via: 'jwt' | 'api-key';
  /** null for a person: a person holds every scope. */
  scopes: ApiKeyScope[] | null;
  apiKeyId?: string;
  /** The login session (refresh family) of an access token; absent for API keys and older tokens. */
  sessionId?: string;
  /** The key's own daily cap in milli-credits (null = none); checked with the hold of every run made with the key. */
  apiKeyDailyCap?: number | null;
}
