import { randomInt } from 'node:crypto';

/** Crockford-style alphabet without look-alikes (0/O, 1/I/L): easy to read aloud and type. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** 8 characters from a CSPRNG: 31^8 ≈ 8.5e11 codes, short enough to share, too many to guess. */
export function newReferralCode(length = 8): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}
