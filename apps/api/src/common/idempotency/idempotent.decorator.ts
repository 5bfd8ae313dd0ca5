import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENT } from './idempotency.constants';
import { IdempotencyInterceptor } from './idempotency.interceptor';

export { IDEMPOTENT };
/**
 * The route accepts `Idempotency-Key`: a retry with the same key and body replays the first answer and has no
 * second effect; the same key with another body → 422; while the first is still running → 409.
 * Attached per route (not globally) so that every other request skips the interceptor chain. The header is
 * documented here, once, so the OpenAPI document (and the SDK generated from it) has it on every such route.
 */
export const Idempotent = () =>
  applyDecorators(
    SetMetadata(IDEMPOTENT, true),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({ name: 'Idempotency-Key', required: false }),
  );
