import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { SharedCircuit } from './shared-circuit';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const endpoints = new Map([['openai', 'http://127.0.0.1:9/v1']]);

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function subscribed(circuit: SharedCircuit): boolean {
  return (circuit as unknown as { subscriber?: Redis }).subscriber?.status === 'ready';
}

/** Two processes' views of one circuit, each on its own connection (as two API processes would be). */
describe('SharedCircuit across processes', () => {
  const prefix = `circuit-spec-${randomBytes(4).toString('hex')}`;
  const clients: Redis[] = [];
  const circuits: SharedCircuit[] = [];

  function process(): { circuit: SharedCircuit; commands: string[] } {
    const redis = new Redis(url);
    const commands: string[] = [];
    const send = redis.sendCommand.bind(redis);
    redis.sendCommand = (command, stream) => {
      commands.push(command.name);
      return send(command, stream);
    };
    clients.push(redis);
    const circuit = new SharedCircuit(redis, prefix, 60_000, 1000, endpoints);
    circuit.listen();
    circuits.push(circuit);
    return { circuit, commands };
  }

  afterAll(async () => {
    for (const circuit of circuits) circuit.stop();
    const [first] = clients;
    const keys = await first.keys(`${prefix}*`);
    if (keys.length) await first.del(...keys);
    await Promise.all(clients.map((c) => c.quit()));
  });

  it('reads a provider once, then follows reports: no round trip per check, an open or a close seen at once', async () => {
    const a = process();
    const b = process();
    await until(() => subscribed(b.circuit), 'the subscription');
    await until(() => subscribed(a.circuit), 'the subscription');

    expect(await b.circuit.isOpen('openai')).toBe(false); // the first check reads Redis
    const reads = b.commands.filter((c) => c === 'pttl').length;
    expect(reads).toBe(1);
    for (let n = 0; n < 20; n += 1) expect(await b.circuit.isOpen('openai')).toBe(false);
    expect(b.commands.filter((c) => c === 'pttl').length).toBe(reads); // answered from memory

    a.circuit.open('openai');
    await until(() => b.circuit.knownOpen('openai'), "A's open report at B");
    expect(await b.circuit.isOpen('openai')).toBe(true);

    a.circuit.close('openai');
    await until(() => !b.circuit.knownOpen('openai'), "A's close report at B");
    expect(await b.circuit.isOpen('openai')).toBe(false);
    expect(b.commands.filter((c) => c === 'pttl').length).toBe(reads);
  });

  it('a process started while the circuit is open finds it with its first check', async () => {
    const a = process();
    await until(() => subscribed(a.circuit), 'the subscription');
    a.circuit.open('openai');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const late = process();
    await until(() => clients[clients.length - 1].status === 'ready', 'the connection'); // as after an app's start
    expect(await late.circuit.isOpen('openai')).toBe(true);
    a.circuit.close('openai');
  });
});
