import { splitSigned } from './callback-verifier.interface';

describe('splitSigned', () => {
  it('signs exactly the bytes before &signature=, as received', () => {
    const signed = splitSigned('user_id=u%201&custom_data=s&signature=abc&key_id=7');
    expect(signed?.message).toBe('user_id=u%201&custom_data=s');
    expect(signed?.params.get('key_id')).toBe('7');
  });

  it('has nothing to verify without a signature, or with nothing signed', () => {
    expect(splitSigned('user_id=u')).toBeNull();
    expect(splitSigned('signature=abc')).toBeNull();
  });
});
