import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKeyView } from './api-keys-api';
import { DataTable, type DataColumn } from '../../components/data-table';
import { formatCredits } from '../../components/format-credits';
import { QueryFallback } from '../../components/query-fallback';
import { apiKeysApi, apiKeysKeys } from './api-keys-api';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'Never');

function columns(revoke: (key: ApiKeyView) => void): DataColumn<ApiKeyView>[] {
  return [
    { key: 'name', label: 'Name', rowHeader: true, cell: (key) => key.name },
    {
      key: 'prefix',
      label: 'Key',
      cell: (key) => (
        <Text span ff="monospace" size="sm">
          {key.prefix}…
        </Text>
      ),
    },
    {
      key: 'scopes',
      label: 'Scopes',
      cell: (key) => (
        <Group gap={4}>
          {key.scopes.map((s) => (
            <Badge key={s} variant="light" size="sm">
              {s}
            </Badge>
          ))}
        </Group>
      ),
    },
    { key: 'used', label: 'Last used', testId: 'api-key-last-used', cell: (key) => when(key.lastUsedAt) },
    {
      key: 'spent',
      label: 'Spent today',
      testId: 'api-key-spent',
      cell: (key) =>
        `${formatCredits(key.spentToday)}${key.dailyCreditCap !== null ? ` of ${formatCredits(key.dailyCreditCap)}` : ''}`,
    },
    {
      key: 'actions',
      label: 'Actions',
      hideLabel: true,
      cell: (key) => (
        <Button size="xs" color="red" variant="light" onClick={() => revoke(key)}>
          Revoke<VisuallyHidden> {key.name}</VisuallyHidden>
        </Button>
      ),
    },
  ];
}

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
      <DataTable
        rows={keys.data}
        columns={columns(setRevoking)}
        rowKey={(key) => key.id}
        caption="API keys"
        hideCaption
        rowTestId="api-key-row"
        minWidth={640}
      />
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
