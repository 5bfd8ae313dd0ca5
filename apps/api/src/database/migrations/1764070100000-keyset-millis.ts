import { MigrationInterface, QueryRunner } from 'typeorm';

/** Columns that list pages are keyed on, with the (column, id) cursor they are paged by. */
const KEYSET_COLUMNS: [table: string, column: string][] = [
  ['users', 'created_at'],
  ['jobs', 'created_at'],
  ['prompt_templates', 'created_at'],
  ['prompt_ratings', 'updated_at'],
];

/**
 * Page cursors carry a JavaScript Date (milliseconds). With microseconds in the column, rows in the same millisecond
 * as the cursor row were skipped by `(column, id) < (cursor)`; stored at millisecond precision, ties are exact and
 * the id breaks them.
 */
export class KeysetMillis1764070100000 implements MigrationInterface {
  name = 'KeysetMillis1764070100000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column] of KEYSET_COLUMNS) {
      await q.query(`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE timestamptz(3)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, column] of KEYSET_COLUMNS) {
      await q.query(`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE timestamptz`);
    }
  }
}
