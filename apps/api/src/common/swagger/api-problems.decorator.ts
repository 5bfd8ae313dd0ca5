import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemCode } from '@megicai/contracts';
import { codeForStatus, PROBLEM_STATUS } from '../errors/problem-status';
import { problemTitle, problemType } from '../errors/problem-titles';

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

/** What every admin route may answer besides its own codes: no or bad auth, not an admin, an API key (never admitted). */
export const ADMIN_PROBLEMS = [ProblemCode.Unauthorized, ProblemCode.AdminOnly, ProblemCode.ApiKeyScope] as const;

/**
 * Documents a route's problem+json answers by their codes: `@ApiProblems(ProblemCode.InsufficientCredits, …)`.
 * Codes are grouped by the HTTP status `PROBLEM_STATUS` gives them; each response lists its codes in the description,
 * narrows the schema's `code` to them and shows one example per code. `rate_limited` (429) applies to every route and
 * is always added. A plain status number is still accepted (legacy) and stands for that status's generic code.
 */
export function ApiProblems(...problems: (ProblemCode | number)[]) {
  return ApiProblemCodes(
    ...problems.map((p) => (typeof p === 'number' ? codeForStatus(p) : p)),
    ProblemCode.RateLimited,
  );
}

/** Exactly these codes, without the implied `rate_limited` (for routes the throttler skips). */
export function ApiProblemCodes(...problems: ProblemCode[]) {
  const codes = new Set(problems);
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of codes) byStatus.set(PROBLEM_STATUS[code], [...(byStatus.get(PROBLEM_STATUS[code]) ?? []), code]);
  return applyDecorators(
    ...[...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) =>
        ApiResponse({
          status,
          description: `${DESCRIPTIONS[status] ?? problemTitle(status)}. Codes: ${list.map((c) => `\`${c}\``).join(', ')}`,
          content: {
            [PROBLEM_CONTENT_TYPE]: {
              schema: {
                allOf: [
                  { $ref: '#/components/schemas/ProblemDto' },
                  { type: 'object', properties: { code: { type: 'string', enum: list } } },
                ],
              },
              examples: Object.fromEntries(list.map((code) => [code, { value: example(status, code) }])),
            },
          },
        }),
      ),
  );
}

function example(status: number, code: ProblemCode) {
  return { type: problemType(status), title: problemTitle(status), status, code, detail: '…' };
}
