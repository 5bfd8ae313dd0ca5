import { Agent, FormData as PoolFormData, fetch as undiciFetch } from 'undici';

/**
 * The one HTTP connection pool every provider adapter sends through (one per process): keep-alive sockets per
 * origin, so a run does not pay a TCP (and TLS) handshake. Its own timeouts are off: the resilience policy times
 * each attempt and aborts it through the request's signal, and one timer per attempt is enough.
 */
let agent: Agent | undefined;

function dispatcher(): Agent {
  agent ??= new Agent({
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 600_000,
    connections: 128,
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  return agent;
}

type PoolInit = NonNullable<Parameters<typeof undiciFetch>[1]>;

/**
 * Node's global FormData is another undici's class, which this undici would send as text: copy it into ours
 * (only multipart uploads, such as a video request, take this path).
 */
function poolBody(body: RequestInit['body']): PoolInit['body'] {
  if (!(body instanceof FormData)) return body as PoolInit['body'];
  const form = new PoolFormData();
  for (const [name, value] of body) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, value.name);
  }
  return form;
}

/** `fetch` over the shared pool, typed as the global one that the SDKs expect. */
export const pooledFetch: typeof fetch = (input, init) =>
  // The SDKs hand over a URL and standard init fields (headers, signal, method), which undici's fetch accepts.
  undiciFetch(input as Parameters<typeof undiciFetch>[0], {
    ...(init as PoolInit),
    body: poolBody(init?.body),
    dispatcher: dispatcher(),
  }) as unknown as Promise<Response>;

/**
 * Closes the pool's idle sockets and lets in-flight requests finish (at shutdown). A later call opens a new pool,
 * so that apps started one after another in the same process (specs) keep working.
 */
export async function closeProviderPool(): Promise<void> {
  const closing = agent;
  agent = undefined;
  await closing?.close();
}
