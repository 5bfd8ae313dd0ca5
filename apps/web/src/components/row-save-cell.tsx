import { Button, Group, Table, Text } from '@mantine/core';
import { problemMessage } from '../api';

/**
 * The last cell of an editable table row (admin tiers, packs, plans, creatives): its Save button, then what went
 * wrong, or (`showSaved`) that the row saved and has not changed since.
 */
export function RowSaveCell({
  onSave,
  disabled,
  save,
  label = 'Save',
  showSaved = false,
}: {
  onSave: () => void;
  disabled: boolean;
  save: { isPending: boolean; isSuccess: boolean; error: unknown };
  label?: string;
  showSaved?: boolean;
}) {
  return (
    <Table.Td>
      <Group gap="xs" wrap="nowrap">
        <Button size="xs" onClick={onSave} disabled={disabled} loading={save.isPending}>
          {label}
        </Button>
        {save.error ? (
          <Text size="xs" c="red.8" role="alert">
            {problemMessage(save.error)}
          </Text>
        ) : showSaved && save.isSuccess && disabled ? (
          <Text size="xs" role="status">
            Saved
          </Text>
        ) : null}
      </Group>
    </Table.Td>
  );
}
