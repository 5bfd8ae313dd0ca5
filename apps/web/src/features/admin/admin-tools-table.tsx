import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, Table, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ToolView } from '../tools/tools-api';
import { formatCredits } from '../../components/format-credits';
import { adminApi, adminKeys } from './admin-api';
import { AdminToolForm } from './admin-tool-form';
import { QueryFallback } from '../../components/query-fallback';

/** Every tool, disabled ones included, with an edit dialog per tool. */
export function AdminToolsTable() {
  const tools = useQuery({ queryKey: adminKeys.tools, queryFn: ({ signal }) => adminApi.tools(signal) });
  const [editing, setEditing] = useState<ToolView | null>(null);
  if (!tools.isSuccess) return <QueryFallback query={tools} label="Loading tools" />;
  return (
    <Card withBorder radius="md" padding="md">
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label="Tools" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Tool</Table.Th>
              <Table.Th scope="col">Kind</Table.Th>
              <Table.Th scope="col">Price</Table.Th>
              <Table.Th scope="col">Offer</Table.Th>
              <Table.Th scope="col">Providers</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tools.data.map((t) => (
              <Table.Tr key={t.id} data-testid="admin-tool-row" data-slug={t.slug}>
                <Table.Th scope="row">{t.name}</Table.Th>
                <Table.Td>{t.kind}</Table.Td>
                <Table.Td data-testid="admin-tool-price">{formatCredits(t.creditCost)}</Table.Td>
                <Table.Td>
                  {t.offerCost !== null
                    ? `${formatCredits(t.offerCost)}${t.offerEndsAt ? ` until ${new Date(t.offerEndsAt).toLocaleString()}` : ''}`
                    : '–'}
                </Table.Td>
                <Table.Td>{t.providers.join(' → ')}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={t.enabled ? 'teal.9' : 'gray.8'} variant="filled">
                      {t.enabled ? 'Enabled' : 'Disabled'}
                    </Badge>
                    {t.premiumOnly ? <Badge variant="default">Premium</Badge> : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setEditing(t)} aria-label={`Edit ${t.name}`}>
                    Edit
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? `Edit ${editing.name}` : ''}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {editing ? <AdminToolForm key={editing.id} tool={editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
    </Card>
  );
}
