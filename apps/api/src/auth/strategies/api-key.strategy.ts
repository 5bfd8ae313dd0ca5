import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-custom';
import type { Principal } from '../../common/auth/principal';
import { ApiKeysService } from '../api-keys.service';

@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, 'api-key') {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  async validate(request: {
    url?: string;
    headers: Record<string, string | string[] | undefined>;
  }): Promise<Principal | false> {
    const header = request.headers['x-api-key'];
    const key = (Array.isArray(header) ? header[0] : header) ?? openAiBearerKey(request);
    if (!key) return false;
    return (await this.apiKeys.authenticate(key)) ?? false;
  }
}

/**
 * OpenAI's SDKs send their key as `Authorization: Bearer <key>`: on the OpenAI-compatible API (`/api/openai/…`), an
 * API key is accepted there too. (Elsewhere a Bearer token is an access token; an API key travels in X-API-Key.)
 */
function openAiBearerKey(request: { url?: string; headers: Record<string, string | string[] | undefined> }) {
  if (!request.url?.startsWith('/api/openai/')) return undefined;
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
  return match?.[1];
}
