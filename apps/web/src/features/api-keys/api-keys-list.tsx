import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKeyView } from './api-keys-api';
import { formatCredits } from '../../components/format-credits';
import { QueryFallback } from '../../components/query-fallback';
import { apiKeysApi, apiKeysKeys } from './api-keys-api';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'Never');

/** The active keys with last use and today's spend; revoking asks first. */
export function ApiKeysList() {
  const keys = useQuery({ queryKey: apiKeysKeys.list, queryFn: ({ signal }) => apiKeysApi.list(signal) });
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  if (!keys.isSuccess) return <QueryFallback query={keys} label="Loading API keys" />;
  if (keys.data.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="api-keys-empty">
        No API keys yet.
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs" aria-label="API keys">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Scopes</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Spent today</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.data.map((key) => (
              <Table.Tr key={key.id} data-testid="api-key-row">
                <Table.Td>{key.name}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {key.prefix}…
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {key.scopes.map((s) => (
                      <Badge key={s} variant="light" size="sm">
                        {s}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td data-testid="api-key-last-used">{when(key.lastUsedAt)}</Table.Td>
                <Table.Td data-testid="api-key-spent">
                  {formatCredits(key.spentToday)}
                  {key.dailyCreditCap !== null ? ` of ${formatCredits(key.dailyCreditCap)}` : ''}
                </Table.Td>
                <Table.Td>
                  <Button size="xs" color="red" variant="light" onClick={() => setRevoking(key)}>
                    Revoke<VisuallyHidden> {key.name}</VisuallyHidden>
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title="Revoke API key" centered>
        {revoking ? <RevokeConfirm apiKey={revoking} onDone={() => setRevoking(null)} /> : null}
      </Modal>
    </>
  );
}

function RevokeConfirm({ apiKey, onDone }: { apiKey: ApiKeyView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => apiKeysApi.revoke(apiKey.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: apiKeysKeys.list });
      onDone();
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm">
        Revoke “{apiKey.name}” ({apiKey.prefix}…)? Integrations using it stop working at once. This cannot be undone.
      </Text>
      {revoke.error ? (
        <Alert color="red" role="alert">
          {revoke.error.message}
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
          Revoke key
        </Button>
      </Group>
    </Stack>
  );
}
