/** Only same-origin paths: `?next=https://evil.example` or `//evil.example` must not become an open redirect. */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
