import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { adsConfig } from '../../config/ads.config';
import { type CallbackVerifier, splitSigned } from './callback-verifier.interface';

/** A network that signs with a shared secret: hex HMAC-SHA256 over the query string before `&signature=`. */
@Injectable()
export class HmacVerifier implements CallbackVerifier {
  readonly network = 'hmac';

  constructor(@Inject(adsConfig.KEY) private readonly cfg: ConfigType<typeof adsConfig>) {}

  async verify(query: string): Promise<boolean> {
    const signed = splitSigned(query);
    const signature = signed?.params.get('signature');
    if (!this.cfg.hmacSecret || !signed || !signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
    const expected = createHmac('sha256', this.cfg.hmacSecret).update(signed.message).digest();
    return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
  }
}
