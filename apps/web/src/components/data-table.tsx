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
  /** The cell that names the row (`<th scope="row">`). */
  rowHeader?: boolean;
  /** `data-testid` of the cell (of its value on a card). */
  testId?: string;
}

/** Per-row attributes: `data-*` for tests and styling, `aria-current` for the caller's own row. */
type RowAttributes = Partial<Record<`data-${string}`, string>> & { 'aria-current'?: 'true' };

/** On a wide screen that is still too narrow the table scrolls in its box, which must then take the focus itself. */
const KEYBOARD_SCROLL = { viewportProps: { tabIndex: 0 } };

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
  hideCaption = false,
  labelledBy,
}: {
  rows: T[];
  columns: DataColumn<T>[];
  rowKey: (row: T) => string;
  /** The accessible name of the table (of the list of cards on a phone). */
  caption: string;
  rowTestId?: string;
  /** Extra attributes of a row (tests and styling read them). */
  rowData?: (row: T) => RowAttributes;
  minWidth?: number;
  /** Name the table without showing the caption (a heading above already says what it is). */
  hideCaption?: boolean;
  /** The id of a visible element naming the table instead of the caption. */
  labelledBy?: string;
}) {
  const phone = useMediaQuery(PHONE_QUERY);
  const name = labelledBy ? { 'aria-labelledby': labelledBy } : { 'aria-label': caption };
  if (phone) {
    return (
      <Stack gap="xs" component="ul" {...name} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
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
                  <Text
                    component="div"
                    size="sm"
                    ta="right"
                    data-testid={column.testId}
                    style={{ minWidth: 0, overflowWrap: 'anywhere' }}
                  >
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
    <Table.ScrollContainer minWidth={minWidth} scrollAreaProps={KEYBOARD_SCROLL}>
      <Table striped highlightOnHover {...(hideCaption || labelledBy ? name : {})}>
        {hideCaption || labelledBy ? null : <Table.Caption>{caption}</Table.Caption>}
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
              {columns.map((column) => {
                const Cell = column.rowHeader ? Table.Th : Table.Td;
                return (
                  <Cell
                    key={column.key}
                    scope={column.rowHeader ? 'row' : undefined}
                    ta={column.numeric ? 'right' : undefined}
                    data-testid={column.testId}
                  >
                    {column.cell(row)}
                  </Cell>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
