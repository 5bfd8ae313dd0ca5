import { useState } from 'react';
import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { PROMPT_STATUSES, type PromptStatus } from '@megicai/contracts';
import type { PromptTemplateView } from '../marketplace/marketplace-api';
import { QueryFallback } from '../../components/query-fallback';
import { TableHead } from './table-head';
import { adminApi, adminKeys } from './admin-api';
import { LoadMore } from './load-more';

function TemplateRow({ template }: { template: PromptTemplateView }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const hidden = template.status === 'hidden';
  const moderate = useMutation({
    mutationFn: () =>
      adminApi.moderatePrompt(template.id, { action: hidden ? 'restore' : 'hide', reason: reason.trim() || undefined }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'prompts'] }),
  });
  return (
    <Table.Tr data-testid="admin-prompt-row" data-prompt={template.id}>
      <Table.Th scope="row">{template.title}</Table.Th>
      <Table.Td>{template.creator.displayName}</Table.Td>
      <Table.Td>
        <Badge variant="default">{template.status}</Badge>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <TextInput
            aria-label={`Reason for ${template.title}`}
            placeholder="Reason"
            size="xs"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button size="xs" variant="default" loading={moderate.isPending} onClick={() => moderate.mutate()}>
            {hidden ? 'Restore' : 'Hide'}
          </Button>
        </Group>
        {moderate.isError ? (
          <Text size="xs" c="red.8" role="alert">
            {moderate.error.message}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

/** Templates of every creator, newest first, filtered by status; hide or restore each with a reason (audited). */
export function AdminModeration() {
  const [status, setStatus] = useState<PromptStatus | ''>('');
  const prompts = useInfiniteQuery({
    queryKey: adminKeys.prompts(status),
    queryFn: ({ pageParam, signal }) => adminApi.prompts(status, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = prompts.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <Select
        label="Status"
        data={[{ value: '', label: 'Any' }, ...PROMPT_STATUSES.map((s) => ({ value: s, label: s }))]}
        value={status}
        allowDeselect={false}
        onChange={(v) => setStatus((v ?? '') as PromptStatus | '')}
        maw={200}
      />
      <Card withBorder radius="md" padding="md">
        {!prompts.isSuccess ? (
          <QueryFallback query={prompts} label="Loading templates" />
        ) : rows.length === 0 ? (
          <Text size="sm">No templates.</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Templates" striped>
              <TableHead columns={['Title', 'Creator', 'Status', 'Moderation']} />
              <Table.Tbody>
                {rows.map((t) => (
                  <TemplateRow key={`${t.id}-${t.status}`} template={t} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <LoadMore query={prompts} />
    </Stack>
  );
}
