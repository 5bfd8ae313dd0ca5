import { startFakeServer } from '../providers/testing/fake-http-server';
import { checkWebhookUrl, isForbiddenAddress } from './safe-address';
import { sendWebhook } from './webhook-sender';

describe('webhook address checks', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a9fe:a9fe',
  ])('forbids %s', (address) => expect(isForbiddenAddress(address)).toBe(true));

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('allows %s', (address) =>
    expect(isForbiddenAddress(address)).toBe(false),
  );

  it('checks what a host name resolves to, and the scheme', async () => {
    await expect(checkWebhookUrl('https://localhost/hook', false)).resolves.toMatchObject({ ok: false });
    await expect(checkWebhookUrl('http://93.184.216.34/hook', false)).resolves.toMatchObject({
      ok: false,
      reason: 'must use https',
    });
    await expect(checkWebhookUrl('https://user:pw@93.184.216.34/', false)).resolves.toMatchObject({ ok: false });
    await expect(checkWebhookUrl('http://localhost/hook', true)).resolves.toMatchObject({ ok: true });
  });

  it('re-checks at delivery time: a private address is never connected to', async () => {
    const server = await startFakeServer((_req, res) => res.end(), 7612);
    try {
      const url = server.origin.replace('127.0.0.1', 'localhost');
      const result = await sendWebhook(url, {}, '{}', { allowPrivate: false, timeoutMs: 1000 });
      expect(result.error).toMatch(/^refused/);
      expect(server.requests).toHaveLength(0);
      const allowed = await sendWebhook(`${url}/ok`, {}, '{}', { allowPrivate: true, timeoutMs: 1000 });
      expect(allowed.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('does not follow redirects', async () => {
    const server = await startFakeServer((_req, res) => {
      res.statusCode = 302;
      res.setHeader('location', 'http://169.254.169.254/latest');
      res.end();
    }, 7613);
    try {
      const result = await sendWebhook(server.origin, {}, '{}', { allowPrivate: true, timeoutMs: 1000 });
      expect(result.status).toBe(302);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
