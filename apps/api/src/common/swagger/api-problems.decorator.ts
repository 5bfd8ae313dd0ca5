import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@megicai/contracts';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Validation failed, unknown fields or malformed JSON',
  401: 'Missing or invalid access token / API key',
  402:
    'Not enough credits (`insufficient_credits`: needed, balance, adOffer, alternatives) or a spending cap reached ' +
    '(`spend_cap_reached`: scope, cap, spent, resetsAt, alternatives)',
  403: 'Forbidden',
  404: 'Not found (or not yours)',
  409: 'Conflict / already done',
  410: 'Gone (expired)',
  422: 'Idempotency-Key reused with another body',
  425: 'Too early',
  429: 'Rate limited (see Retry-After)',
  503: 'A dependency is down',
};

/** Documents problem+json error responses; 401 and 429 apply to nearly every route and are always added. */
export function ApiProblems(...statuses: number[]) {
  const all = [...new Set([...statuses, 429])].sort((a, b) => a - b);
  return applyDecorators(
    ...all.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDto' } } },
      }),
    ),
  );
}
