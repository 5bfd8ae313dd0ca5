import { Client } from 'pg';

/**
 * Outside production, creates the configured database if it does not exist yet, so that `npm start` works on a fresh
 * PostgreSQL. Production databases are provisioned, never created by the app.
 */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-zA-Z0-9_]+$/.test(name)) return;
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  try {
    await client.connect();
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${name}`);
      console.log(`Created database ${name}`);
    }
  } catch (error) {
    // Not fatal here: the app's own connection reports the real problem with a clear message.
    console.warn(`Could not check database ${name}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
