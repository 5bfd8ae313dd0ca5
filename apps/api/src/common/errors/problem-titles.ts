import { STATUS_CODES } from 'node:http';

const TYPES: Record<number, string> = {
  400: 'validation-error',
  401: 'unauthorized',
  402: 'insufficient-credits',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  410: 'gone',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  425: 'too-early',
  429: 'rate-limited',
  500: 'internal-error',
  503: 'unavailable',
};

/** Stable problem type URIs, one per status, documented under /api/docs. */
export function problemType(status: number): string {
  return `https://megicai.dev/problems/${TYPES[status] ?? `http-${status}`}`;
}

export function problemTitle(status: number): string {
  if (status === 425) return 'Too Early';
  if (status === 402) return 'Insufficient Credits';
  return STATUS_CODES[status] ?? 'Error';
}
