import { useState } from 'react';
import { Card, Code, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { QueryFallback } from '../../components/query-fallback';
import { KEYBOARD_SCROLL, TableHead } from './table-head';
import { adminApi, adminKeys, type AuditFilter } from './admin-api';
import { LoadMore } from './load-more';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
          <Table.ScrollContainer minWidth={720} scrollAreaProps={KEYBOARD_SCROLL}>
            <Table aria-label="Audit log" striped>
              <TableHead columns={['When', 'Action', 'Object', 'Actor', 'Details']} />
              <Table.Tbody>
                {rows.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{new Date(e.createdAt).toLocaleString()}</Table.Td>
                    <Table.Th scope="row">{e.action}</Table.Th>
                    <Table.Td>
                      {e.targetType} {e.targetId}
                    </Table.Td>
                    <Table.Td>{e.actorId}</Table.Td>
                    <Table.Td>
                      {/* Wrapped, not a scrolling block: a scrollable region would need its own keyboard focus. */}
                      <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                        {JSON.stringify(e.details)}
                      </Code>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <LoadMore query={log} />
    </Stack>
  );
}
