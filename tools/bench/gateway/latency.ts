/** Sequential requests on one keep-alive connection for `seconds`: p50/p99 in ms with sub-millisecond precision. */
import { Agent, request } from 'node:http';
import { percentile } from '../http/bench-client';

export async function latencyOneConnection(
  url: string,
  headers: Record<string, string>,
  body: (n: number) => string,
  seconds: number,
): Promise<{ p50: number; p99: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL(url);
  const once = (payload: string) =>
    new Promise<number>((resolve, reject) => {
      const started = process.hrtime.bigint();
      const req = request(
        target,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode && res.statusCode < 300
              ? resolve(Number(process.hrtime.bigint() - started) / 1e6)
              : reject(new Error(`${url} answered ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const times: number[] = [];
  for (let n = 0; n < 50; n += 1) await once(body(n)); // warm-up: JIT, pools, connection
  const end = Date.now() + seconds * 1000;
  for (let n = 0; Date.now() < end; n += 1) times.push(await once(body(n + 1_000_000)));
  agent.destroy();
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}
