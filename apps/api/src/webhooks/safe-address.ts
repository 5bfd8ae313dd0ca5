import { lookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Addresses a webhook must never reach (SSRF): private, loopback, link-local (cloud metadata at 169.254.169.254),
 * shared, multicast, reserved and documentation ranges, and IPv6 forms that embed an IPv4 address.
 */
const FORBIDDEN = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  FORBIDDEN.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  FORBIDDEN.addSubnet(net, prefix, 'ipv6');
}

/** `::ffff:a.b.c.d` in any spelling, as the IPv4 address it stands for (checked against the IPv4 ranges). */
function mappedIpv4(address: string): string | null {
  const hex = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(new URL(`http://[${address}]`).hostname);
  if (!hex) return null;
  const [high, low] = [parseInt(hex[1] as string, 16), parseInt(hex[2] as string, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 4) return FORBIDDEN.check(address, 'ipv4');
  const mapped = mappedIpv4(address);
  return mapped ? FORBIDDEN.check(mapped, 'ipv4') : FORBIDDEN.check(address, 'ipv6');
}

/** Why a webhook URL may not be called, or null when it may. */
export type UrlVerdict = { ok: true; url: URL; addresses: string[] } | { ok: false; reason: string };

/** Parses the URL and resolves its host: every address must be public (unless private addresses are allowed). */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<UrlVerdict> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'is not a valid URL' };
  }
  const schemes = allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) return { ok: false, reason: 'must use https' };
  if (url.username || url.password) return { ok: false, reason: 'must not carry credentials' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return { ok: false, reason: 'has a host name that does not resolve' };
  }
  if (addresses.length === 0) return { ok: false, reason: 'has a host name that does not resolve' };
  if (!allowPrivate && addresses.some(isForbiddenAddress)) {
    return { ok: false, reason: 'must not resolve to a private, loopback or link-local address' };
  }
  return { ok: true, url, addresses };
}

/**
 * A `lookup` for the delivery's socket that answers only the address checked just before (DNS rebinding: a second
 * resolution could give another, private, address). Node's `autoSelectFamily` asks for `all`.
 */
export function pinnedLookup(address: string): LookupFunction {
  const family = isIP(address);
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    } else {
      callback(null, address, family);
    }
  };
}
