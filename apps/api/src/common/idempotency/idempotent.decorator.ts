import { SetMetadata } from '@nestjs/common';

export const IDEMPOTENT = 'idempotent';
/**
 * The route accepts `Idempotency-Key`: a retry with the same key and body replays the first answer and has no
 * second effect; the same key with another body → 422; while the first is still running → 409.
 */
export const Idempotent = () => SetMetadata(IDEMPOTENT, true);
