import { appConfig } from './app.config';

describe('TRUST_PROXY', () => {
  const read = (value: string | undefined) => {
    const saved = process.env.TRUST_PROXY;
    if (value === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = value;
    try {
      return appConfig().trustProxy;
    } finally {
      if (saved === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = saved;
    }
  };

  it('is a number of proxy hops: true means one, false or unset none', () => {
    expect(read(undefined)).toBe(0);
    expect(read('false')).toBe(0);
    expect(read('true')).toBe(1);
    expect(read('2')).toBe(2);
  });

  it('refuses anything else at start-up, naming the variable', () => {
    expect(() => read('yes')).toThrow(/TRUST_PROXY/);
    expect(() => read('-1')).toThrow(/trustProxy/);
  });
});
