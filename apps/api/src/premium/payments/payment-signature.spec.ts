import { signPayment, verifyPaymentSignature } from './payment-signature';

describe('payment signature', () => {
  const body = Buffer.from('{"id":"evt_1"}');
  const now = 1_764_069_000;

  it('accepts its own signature within the tolerance, either way', () => {
    expect(verifyPaymentSignature(signPayment('s3cret', body, now), body, 's3cret', 300, now)).toBe(true);
    expect(verifyPaymentSignature(signPayment('s3cret', body, now - 300), body, 's3cret', 300, now)).toBe(true);
    expect(verifyPaymentSignature(signPayment('s3cret', body, now + 300), body, 's3cret', 300, now)).toBe(true);
  });

  it('accepts a header with several v1 signatures when one matches (secret rotation)', () => {
    const header = `${signPayment('s3cret', body, now)},v1=${'0'.repeat(64)}`;
    expect(verifyPaymentSignature(header, body, 's3cret', 300, now)).toBe(true);
  });

  it('refuses stale, forged, altered and malformed signatures', () => {
    expect(verifyPaymentSignature(signPayment('s3cret', body, now - 301), body, 's3cret', 300, now)).toBe(false);
    expect(verifyPaymentSignature(signPayment('other', body, now), body, 's3cret', 300, now)).toBe(false);
    expect(verifyPaymentSignature(signPayment('s3cret', body, now), Buffer.from('{}'), 's3cret', 300, now)).toBe(false);
    for (const header of [undefined, '', 't=1', `v1=${'a'.repeat(64)}`, 't=x,v1=zz', `t=${now},v1=abc`]) {
      expect(verifyPaymentSignature(header, body, 's3cret', 300, now)).toBe(false);
    }
  });
});
