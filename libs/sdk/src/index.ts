/**
 * The typed client of the MegicAI API: `openapi-fetch` over the types that openapi-typescript generated from the
 * API's own OpenAPI document (`schema.d.ts`; regenerate with `npx nx run sdk:generate`). Paths are the full
 * paths of the document (`/api/v1/...`), so `baseUrl` is the platform's origin.
 *
 * ```ts
 * const megicai = createMegicaiClient({ baseUrl: 'https://megicai.example', apiKey: process.env.MEGICAI_API_KEY });
 * const { data, error } = await megicai.POST('/api/v1/tools/{id}/run', {
 *   params: { path: { id: 'chat' } },
 *   body: { input: { prompt: 'Hello' } },
 * });
 * if (error) console.error(error.code); // branch on the problem's stable `code`
 * ```
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };
/** A request or response body by its schema name: `Schema<'JobDto'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
export type MegicaiClient = Client<paths>;

export interface MegicaiClientOptions {
  /** The platform's origin, e.g. `https://megicai.example` (or `''` in a browser on the same origin). */
  baseUrl: string;
  /** A person's access token, sent as `Authorization: Bearer`. */
  token?: string;
  /** A third party's API key, sent as `X-API-Key`. */
  apiKey?: string;
  headers?: Record<string, string>;
  fetch?: ClientOptions['fetch'];
}

export function createMegicaiClient(options: MegicaiClientOptions): MegicaiClient {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.apiKey) headers['X-API-Key'] = options.apiKey;
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
