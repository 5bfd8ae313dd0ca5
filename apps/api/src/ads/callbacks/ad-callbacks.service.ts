import { Injectable } from '@nestjs/common';
import { ProblemCode } from '@megicai/contracts';
import { AdsException } from '../ads.exception';
import { AdsService } from '../ads.service';
import { AdmobSsvVerifier } from './admob-ssv.verifier';
import type { CallbackVerifier } from './callback-verifier.interface';
import { HmacVerifier } from './hmac.verifier';

/**
 * Server-to-server rewards. Verified first (403 and nothing stored otherwise); then the network's transaction id is
 * recorded under a unique constraint in the same transaction as the reward, so a replay pays nothing.
 * Parameters (AdMob names): `user_id` = our user id, `custom_data` = the ad session id, `transaction_id`.
 */
@Injectable()
export class AdCallbacksService {
  private readonly verifiers: Map<string, CallbackVerifier>;

  constructor(
    private readonly ads: AdsService,
    admob: AdmobSsvVerifier,
    hmac: HmacVerifier,
  ) {
    this.verifiers = new Map([admob, hmac].map((v) => [v.network, v]));
  }

  async handle(network: string, query: string): Promise<{ granted: number; duplicate: boolean }> {
    const verifier = this.verifiers.get(network);
    if (!verifier) throw new AdsException(ProblemCode.NotFound, `There is no ad network "${network}".`);
    if (!(await verifier.verify(query)))
      throw new AdsException(ProblemCode.InvalidCallbackSignature, 'The callback signature is missing or not valid.');
    const params = new URLSearchParams(query);
    const userId = params.get('user_id') ?? '';
    const sessionId = params.get('custom_data') ?? '';
    const transactionId = params.get('transaction_id') ?? '';
    const missing = [
      ['user_id', userId],
      ['custom_data', sessionId],
      ['transaction_id', transactionId],
    ].filter(([, v]) => !v);
    if (missing.length > 0) {
      throw new AdsException(ProblemCode.ValidationFailed, 'The callback lacks required parameters.', {
        errors: missing.map(([field]) => ({ field, message: 'required' })),
      });
    }
    let duplicate = false;
    const paid = await this.ads.completeFromNetwork(userId, sessionId, async (m) => {
      const rows: unknown[] = await m.query(
        `INSERT INTO ad_callbacks (network, transaction_id, user_id, session_id, query) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (network, transaction_id) DO NOTHING RETURNING id`,
        [network, transactionId.slice(0, 200), userId, sessionId, query],
      );
      duplicate = rows.length === 0;
      return !duplicate;
    });
    return { granted: paid?.granted ?? 0, duplicate };
  }
}
