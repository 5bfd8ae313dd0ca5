import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { ProblemException } from '../errors/problem.exception';

/** The throttler's 429 as problem+json with a plain `Retry-After` (seconds). */
@Injectable()
export class ProblemThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw ProblemException.tooManyRequests(
      'Too many requests. Wait before trying again.',
      detail.timeToBlockExpire || detail.timeToExpire || 1,
    );
  }
}
