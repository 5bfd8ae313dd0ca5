/** Bytes on the wire for a first visit of `/`: the page and every script and stylesheet it names, as Chromium asks. */
import { get } from 'node:http';

function fetchRaw(url: string): Promise<{ bytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'br, gzip, deflate' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        // The HTML is parsed only when it came uncompressed (the page links are read from it below).
        resolve({ bytes: raw.length, text: res.headers['content-encoding'] ? '' : raw.toString('utf8') });
      });
    }).on('error', reject);
  });
}

export async function firstLoadBytes(baseUrl: string): Promise<number> {
  const page = await fetchRaw(`${baseUrl}/`);
  const html = await fetch(`${baseUrl}/`).then((r) => r.text());
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let total = page.bytes;
  for (const asset of new Set(assets)) total += (await fetchRaw(`${baseUrl}${asset}`)).bytes;
  return total;
}
