import { useState } from 'react';
import { Badge, Button, Card, Group, Modal } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ToolView } from '../tools/tools-api';
import { DataTable, type DataColumn } from '../../components/data-table';
import { formatCredits } from '../../components/format-credits';
import { adminApi, adminKeys } from './admin-api';
import { AdminToolForm } from './admin-tool-form';
import { QueryFallback } from '../../components/query-fallback';

function columns(edit: (tool: ToolView) => void): DataColumn<ToolView>[] {
  return [
    { key: 'name', label: 'Tool', rowHeader: true, cell: (t) => t.name },
    { key: 'kind', label: 'Kind', cell: (t) => t.kind },
    { key: 'price', label: 'Price', testId: 'admin-tool-price', cell: (t) => formatCredits(t.creditCost) },
    {
      key: 'offer',
      label: 'Offer',
      cell: (t) =>
        t.offerCost !== null
          ? `${formatCredits(t.offerCost)}${t.offerEndsAt ? ` until ${new Date(t.offerEndsAt).toLocaleString()}` : ''}`
          : '–',
    },
    { key: 'providers', label: 'Providers', cell: (t) => t.providers.join(' → ') },
    {
      key: 'status',
      label: 'Status',
      cell: (t) => (
        <Group gap={4}>
          <Badge color={t.enabled ? 'teal.9' : 'gray.8'} variant="filled">
            {t.enabled ? 'Enabled' : 'Disabled'}
          </Badge>
          {t.premiumOnly ? <Badge variant="default">Premium</Badge> : null}
        </Group>
      ),
    },
    {
      key: 'actions',
      label: 'Actions',
      hideLabel: true,
      cell: (t) => (
        <Button size="xs" variant="light" onClick={() => edit(t)} aria-label={`Edit ${t.name}`}>
          Edit
        </Button>
      ),
    },
  ];
}

/** Every tool, disabled ones included, with an edit dialog per tool. */
export function AdminToolsTable() {
  const tools = useQuery({ queryKey: adminKeys.tools, queryFn: ({ signal }) => adminApi.tools(signal) });
  const [editing, setEditing] = useState<ToolView | null>(null);
  if (!tools.isSuccess) return <QueryFallback query={tools} label="Loading tools" />;
  return (
    <Card withBorder radius="md" padding="md">
      <DataTable
        rows={tools.data}
        columns={columns(setEditing)}
        rowKey={(t) => t.id}
        caption="Tools"
        hideCaption
        rowTestId="admin-tool-row"
        rowData={(t) => ({ 'data-slug': t.slug })}
        minWidth={720}
      />
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
