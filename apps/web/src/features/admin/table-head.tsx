import { Table, VisuallyHidden } from '@mantine/core';

/** The header row of an editable admin table (rows holding their own form state; read-only lists use DataTable); `actions` adds a last column for the row buttons, named for screen readers. */
export function TableHead({ columns, actions = false }: { columns: readonly string[]; actions?: boolean }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c) => (
          <Table.Th scope="col" key={c}>
            {c}
          </Table.Th>
        ))}
        {actions ? (
          <Table.Th scope="col">
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        ) : null}
      </Table.Tr>
    </Table.Thead>
  );
}

/**
 * For `Table.ScrollContainer scrollAreaProps`: on a phone the table scrolls sideways, and a scrolling region with
 * no control inside (or only disabled ones) must take the keyboard focus itself to be scrollable (axe, WCAG 2.1.1).
 */
export const KEYBOARD_SCROLL = { viewportProps: { tabIndex: 0 } };
