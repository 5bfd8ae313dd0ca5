import { useState } from 'react';
import { Card, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { QueryFallback } from '../../components/query-fallback';
import { DataTable, type DataColumn } from '../../components/data-table';
import { adminApi, adminKeys, type AuditFilter, type AuditLogEntryView } from './admin-api';
import { LoadMore } from './load-more';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const COLUMNS: DataColumn<AuditLogEntryView>[] = [
  { key: 'when', label: 'When', cell: (e) => new Date(e.createdAt).toLocaleString() },
  { key: 'action', label: 'Action', rowHeader: true, cell: (e) => e.action },
  { key: 'object', label: 'Object', cell: (e) => `${e.targetType} ${e.targetId}` },
  { key: 'actor', label: 'Actor', cell: (e) => e.actorId },
  {
    key: 'details',
    label: 'Details',
    // Wrapped, not a scrolling block: a scrollable region would need its own keyboard focus.
    cell: (e) => <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{JSON.stringify(e.details)}</Code>,
  },
];

/** The audit log, newest first, filtered by actor (an admin's id), action and object. */
export function AdminAuditLog() {
  const [form, setForm] = useState<AuditFilter>({ actor: '', action: '', object: '' });
  const [debounced] = useDebouncedValue(form, 300);
  // The API only accepts a UUID as actor: an unfinished one is not sent (rather than answered with a 400).
  const filter = { ...debounced, actor: UUID.test(debounced.actor ?? '') ? debounced.actor : '' };
  const log = useInfiniteQuery({
    queryKey: adminKeys.audit(filter),
    queryFn: ({ pageParam, signal }) => adminApi.audit(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const field = (name: keyof AuditFilter, label: string, placeholder: string) => (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={form[name]}
      onChange={(e) => setForm({ ...form, [name]: e.currentTarget.value })}
      w={240}
    />
  );
  return (
    <Stack gap="md">
      <Group wrap="wrap" align="end">
        {field('actor', 'Actor', 'Admin user id')}
        {field('action', 'Action', 'e.g. user.credits.adjust')}
        {field('object', 'Object', 'A user id, tier, template id…')}
      </Group>
      <Card withBorder radius="md" padding="md">
        {!log.isSuccess ? (
          <QueryFallback query={log} label="Loading the audit log" />
        ) : rows.length === 0 ? (
          <Text size="sm">No changes match.</Text>
        ) : (
          <DataTable
            rows={rows}
            columns={COLUMNS}
            rowKey={(e) => e.id}
            caption="Audit log"
            hideCaption
            minWidth={720}
          />
        )}
      </Card>
      <LoadMore query={log} />
    </Stack>
  );
}
