import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';

/** Test support only: the few Stripe endpoints the platform calls, in Stripe's wire format. */
export interface StripeCall {
  method: string;
  path: string;
  /** The form-encoded body as Stripe's bracket keys: `line_items[0][price_data][currency]` → `usd`. */
  form: Record<string, string>;
  idempotencyKey?: string;
}

export interface FakeStripe {
  apiBase: string;
  calls: StripeCall[];
  /** The next requests answer 500 (Stripe's api_error) while set. */
  failing: boolean;
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_test_${randomBytes(8).toString('hex')}`;

export async function startFakeStripe(port: number): Promise<FakeStripe> {
  const fake: FakeStripe = { apiBase: `http://127.0.0.1:${port}`, calls: [], failing: false, close: async () => {} };
  // Stripe retries an idempotent request with the same key: answer it the same way, as Stripe does.
  const replies = new Map<string, unknown>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const idempotencyKey = header(req, 'idempotency-key');
      const call: StripeCall = { method: req.method ?? 'GET', path: req.url ?? '/', form, idempotencyKey };
      fake.calls.push(call);
      if (fake.failing) {
        return send(res, 500, { error: { type: 'api_error', message: 'An unknown error occurred' } });
      }
      if (idempotencyKey && replies.has(idempotencyKey)) return send(res, 200, replies.get(idempotencyKey));
      const body = answer(call);
      if (!body) return send(res, 404, { error: { type: 'invalid_request_error', message: 'Unrecognized URL' } });
      if (idempotencyKey) replies.set(idempotencyKey, body);
      send(res, 200, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

function answer(call: StripeCall): Record<string, unknown> | null {
  const { form } = call;
  const created = Math.floor(Date.now() / 1000);
  if (call.method !== 'POST') return null;
  switch (call.path) {
    case '/v1/customers':
      return { id: id('cus'), object: 'customer', email: form.email ?? null, metadata: meta(form), created };
    case '/v1/checkout/sessions': {
      const sessionId = id('cs');
      return {
        id: sessionId,
        object: 'checkout.session',
        mode: form.mode,
        status: 'open',
        payment_status: 'unpaid',
        customer: form.customer ?? null,
        client_reference_id: form.client_reference_id ?? null,
        metadata: meta(form),
        success_url: form.success_url,
        cancel_url: form.cancel_url,
        url: `https://checkout.stripe.test/c/pay/${sessionId}`,
        created,
        livemode: false,
      };
    }
    case '/v1/billing_portal/sessions':
      return {
        id: id('bps'),
        object: 'billing_portal.session',
        customer: form.customer,
        return_url: form.return_url,
        url: `https://billing.stripe.test/p/session/${id('bps')}`,
        created,
        livemode: false,
      };
    default:
      return null;
  }
}

function meta(form: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) {
    const m = /^metadata\[(.+)\]$/.exec(k);
    if (m) out[m[1]] = v;
  }
  return out;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
  res.end(JSON.stringify(body));
}
