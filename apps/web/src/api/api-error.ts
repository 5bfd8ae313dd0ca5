import type { FieldError, Problem } from '@megicai/contracts';

/**
 * Every failed API call rejects with this: the RFC 9457 problem the API sent, or one we made up when the
 * answer was not problem+json (a proxy's HTML 502, a dropped connection), so callers handle a single shape.
 */
export class ApiError extends Error {
  readonly status: number;
  /** The problem's stable code (ProblemCode); `network_error` / `http_error` when the answer was no problem. */
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly type: string;
  readonly errors: FieldError[];
  /** The whole problem, extensions included (`needed`, `balance`, `adOffer` on a 402, …). */
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.type = problem.type;
    this.errors = problem.errors ?? [];
    this.problem = problem;
  }

  /** Field errors keyed by field name, as `form.setErrors()` of @mantine/form wants them. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { field, message } of this.errors) {
      // A nested path like `input.prompt` is kept whole; a form with flat fields reads its own key.
      out[field] = out[field] ? `${out[field]}; ${message}` : message;
    }
    return out;
  }

  static network(cause: unknown): ApiError {
    const err = new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      code: 'network_error',
      detail: 'Could not reach the server. Check your connection and try again.',
    });
    err.cause = cause;
    return err;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).status === 'number' &&
    typeof (value as Problem).title === 'string'
  );
}

/** Reads a non-2xx response into an ApiError, whatever its body is. */
export async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (isProblem(body)) {
    return new ApiError({
      ...body,
      code: body.code ?? 'http_error',
      detail: body.detail ?? '',
      type: body.type ?? 'about:blank',
    });
  }
  return new ApiError({
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code: 'http_error',
    detail: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
  });
}
