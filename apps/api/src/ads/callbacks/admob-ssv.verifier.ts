import { Injectable } from '@nestjs/common';
import { verify } from 'node:crypto';
import { AdmobKeysService } from './admob-keys.service';
import { type CallbackVerifier, splitSigned } from './callback-verifier.interface';

/**
 * AdMob server-side verification: ECDSA P-256 / SHA-256 over the query string before `&signature=`; the signature
 * is web-safe base64 of a DER signature; `key_id` names the verifier key.
 */
@Injectable()
export class AdmobSsvVerifier implements CallbackVerifier {
  readonly network = 'admob';

  constructor(private readonly keys: AdmobKeysService) {}

  async verify(query: string): Promise<boolean> {
    const signed = splitSigned(query);
    const signature = signed?.params.get('signature');
    const keyId = signed?.params.get('key_id');
    if (!signed || !signature || !keyId) return false;
    const key = await this.keys.get(keyId);
    if (!key) return false;
    try {
      return verify('sha256', Buffer.from(signed.message), key, Buffer.from(signature, 'base64url'));
    } catch {
      return false;
    }
  }
}
