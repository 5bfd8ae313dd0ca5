import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * A raw row (`RETURNING *` of a hand-written statement) as the entity TypeORM would have read: column names to
 * properties, each value through the driver's hydration and the column's transformer. Saves the read-back query
 * after an UPDATE … RETURNING.
 */
export function hydrate<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  raw: Record<string, unknown>,
): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(raw[column.databaseName], column));
  }
  return entity;
}
