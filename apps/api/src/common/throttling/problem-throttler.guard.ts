import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { ProblemCode } from '@megicai/contracts';
import { retryAfter } from '../errors/app.exception';
import { CommonException } from '../errors/common.exception';

/** The throttler's 429 as problem+json with a plain `Retry-After` (seconds). */
@Injectable()
export class ProblemThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new CommonException(
      ProblemCode.RateLimited,
      'Too many requests. Wait before trying again.',
      retryAfter(detail.timeToBlockExpire || detail.timeToExpire || 1),
    );
  }
}
