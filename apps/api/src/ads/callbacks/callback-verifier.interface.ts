/** Checks that a server-to-server reward callback really comes from its network. */
export interface CallbackVerifier {
  /** The `:network` path segment. */
  readonly network: string;
  /** `query` is the raw query string, exactly as received (the signature covers its bytes). */
  verify(query: string): Promise<boolean>;
}

/** Both AdMob SSV and our HMAC network sign everything before `&signature=`; the signature and key id follow it. */
export function splitSigned(query: string): { message: string; params: URLSearchParams } | null {
  const at = query.indexOf('&signature=');
  if (at <= 0) return null;
  return { message: query.slice(0, at), params: new URLSearchParams(query) };
}
