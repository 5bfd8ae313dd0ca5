import { ProblemCode } from '@megicai/contracts';
import { CommonException } from '../errors/common.exception';

/**
 * Keyset cursors over (createdAt, id): stable under inserts, no OFFSET scans.
 * The cursor is opaque to clients (base64url of the last row's sort key).
 */
export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.createdAt.toISOString()}|${position.id}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): KeysetPosition | undefined {
  if (!cursor) return undefined;
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new CommonException(ProblemCode.InvalidCursor, 'The cursor is not valid.', {
      errors: [{ field: 'cursor', message: 'invalid cursor' }],
    });
  }
  return { createdAt, id };
}

/** Given limit+1 rows fetched in order, returns the page and the cursor of the next one. */
export function toPage<Row extends KeysetPosition, View>(rows: Row[], limit: number, view: (row: Row) => View) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(view), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
