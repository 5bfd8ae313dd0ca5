/** TypeORM's `query` gives `[rows, count]` for UPDATE … RETURNING on postgres and plain rows for SELECT/INSERT. */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
