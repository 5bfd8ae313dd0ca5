import { createHash } from 'node:crypto';
import { EntityManager, QueryFailedError, type DataSource } from 'typeorm';

interface PgPool {
  query<T>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
}

/**
 * A hot statement as a named prepared statement on the driver's pool: PostgreSQL parses and plans it once per
 * connection, and TypeORM's query building and entity hydration are skipped (about a tenth of the CPU of a hot
 * path). Only for single statements outside a transaction (each is its own transaction); `name` must be unique per
 * `text`. A failure is TypeORM's QueryFailedError, as `dataSource.query` would throw.
 */
export async function preparedQuery<T>(dataSource: DataSource, name: string, text: string, values: unknown[]) {
  return run<T>((dataSource.driver as unknown as { master: PgPool }).master, name, text, values);
}

async function run<T>(client: PgPool, name: string, text: string, values: unknown[]): Promise<T[]> {
  try {
    const result = await client.query<T>({ name, text, values });
    return result.rows;
  } catch (error) {
    // Connection errors stay as they are (the infrastructure checks read their codes either way).
    if (error instanceof Error && 'severity' in error) throw new QueryFailedError(text, values, error);
    throw error;
  }
}

/** Statement text → its name: built statements (CTE lists) come in a handful of shapes, each prepared once. */
const names = new Map<string, string>();

/**
 * A statement built at run time (the ledger's CTE statements) as a named prepared statement: named after a digest of
 * its text, so each distinct shape is planned once per connection (a statement of ~3 KB costs PostgreSQL more to
 * parse and plan than to run). On an EntityManager of a transaction it runs on that transaction's connection;
 * otherwise alone on the pool (its own transaction).
 */
export async function preparedStatement<T>(
  target: DataSource | EntityManager,
  text: string,
  values: unknown[],
): Promise<T[]> {
  let name = names.get(text);
  if (name === undefined) {
    name = `s_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (names.size < 1000) names.set(text, name); // bounded: an unexpected variety of texts is hashed each time
  }
  const manager = target instanceof EntityManager ? target : undefined;
  const runner = manager?.queryRunner;
  if (runner && !runner.isReleased) {
    // TypeORM's runner of the transaction: its pg client (already connected inside a transaction).
    const client = await (runner as unknown as { connect(): Promise<PgPool> }).connect();
    return run<T>(client, name, text, values);
  }
  return preparedQuery<T>(manager?.connection ?? (target as DataSource), name, text, values);
}
