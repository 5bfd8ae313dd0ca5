import type { ReactNode } from 'react';
import { Card, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

export interface DataColumn<T> {
  key: string;
  /** The header on wide screens and the label on a card. */
  label: string;
  /** Only for screen readers (an "Open" link column, for instance). */
  hideLabel?: boolean;
  cell: (row: T) => ReactNode;
  /** Right-aligned on wide screens (amounts). */
  numeric?: boolean;
}

/** Below this width a row is a card of label/value lines instead of a table row that would overflow. */
export const PHONE_QUERY = '(max-width: 40em)';

/**
 * One table for every list of records: a Mantine table on wide screens (scrolling inside its own box if it is still
 * too wide), stacked cards on a phone, so that no page scrolls sideways.
 */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  caption,
  rowTestId,
  rowData,
  minWidth = 560,
}: {
  rows: T[];
  columns: DataColumn<T>[];
  rowKey: (row: T) => string;
  caption: string;
  rowTestId?: string;
  /** Extra `data-*` attributes of a row (tests and styling read them). */
  rowData?: (row: T) => Record<`data-${string}`, string>;
  minWidth?: number;
}) {
  const phone = useMediaQuery(PHONE_QUERY);
  if (phone) {
    return (
      <Stack gap="xs" component="ul" aria-label={caption} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((row) => (
          <Card key={rowKey(row)} component="li" withBorder padding="sm" data-testid={rowTestId} {...rowData?.(row)}>
            <Stack gap={4}>
              {columns.map((column) => (
                <Group key={column.key} gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                  {column.hideLabel ? (
                    <VisuallyHidden>{column.label}</VisuallyHidden>
                  ) : (
                    <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                      {column.label}
                    </Text>
                  )}
                  <Text component="div" size="sm" ta="right" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    {column.cell(row)}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.key} scope="col" ta={column.numeric ? 'right' : undefined}>
                {column.hideLabel ? <VisuallyHidden>{column.label}</VisuallyHidden> : column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} data-testid={rowTestId} {...rowData?.(row)}>
              {columns.map((column) => (
                <Table.Td key={column.key} ta={column.numeric ? 'right' : undefined}>
                  {column.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
