import type { DataSource } from 'typeorm';

/** A unique client address per test, so that the per-address cap of one test never touches another. */
export const randomAddress = () =>
  `10.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}`;

/** Moves the session's start back by its required seconds, as if the ad had played: no sleeping in tests. */
export const markWatched = (db: DataSource, id: string) =>
  db.query(`UPDATE ad_sessions SET started_at = started_at - make_interval(secs => required_seconds) WHERE id = $1`, [
    id,
  ]);
