/**
 * Whether the SPA's Content-Security-Policy (`img-src`/`media-src`: 'self', data:, blob: and CSP_MEDIA_SOURCES) lets a
 * page load this http(s) URL. A creative on any other host would be saved but never show, so it is refused up front.
 * Sources are scheme sources (`https:`), origins (`https://cdn.example`), wildcard hosts (`https://*.example`) or
 * path prefixes (`https://cdn.example/ads/`).
 */
export function mediaSourceAllows(sources: string[], href: string): boolean {
  const url = new URL(href);
  return sources.some((source) => {
    if (/^[a-z][a-z0-9+.-]*:$/i.test(source)) return url.protocol === source.toLowerCase();
    const wildcard = /^(https?:)\/\/\*\.([^/]+)$/i.exec(source);
    if (wildcard) return url.protocol === wildcard[1].toLowerCase() && url.hostname.endsWith(`.${wildcard[2]}`);
    let allowed: URL;
    try {
      allowed = new URL(source);
    } catch {
      return false;
    }
    if (allowed.origin !== url.origin) return false;
    return allowed.pathname === '/' || url.pathname.startsWith(allowed.pathname);
  });
}
