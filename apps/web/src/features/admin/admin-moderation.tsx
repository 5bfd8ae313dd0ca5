import { useState } from 'react';
import { Badge, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { PROMPT_STATUSES, type PromptStatus } from '@megicai/contracts';
import type { PromptTemplateView } from '../marketplace/marketplace-api';
import { QueryFallback } from '../../components/query-fallback';
import { DataTable, type DataColumn } from '../../components/data-table';
import { adminApi, adminKeys } from './admin-api';
import { LoadMore } from './load-more';

function ModerationControls({ template }: { template: PromptTemplateView }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const hidden = template.status === 'hidden';
  const moderate = useMutation({
    mutationFn: () =>
      adminApi.moderatePrompt(template.id, { action: hidden ? 'restore' : 'hide', reason: reason.trim() || undefined }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'prompts'] }),
  });
  return (
    <>
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
    </>
  );
}

const COLUMNS: DataColumn<PromptTemplateView>[] = [
  { key: 'title', label: 'Title', rowHeader: true, cell: (t) => t.title },
  { key: 'creator', label: 'Creator', cell: (t) => t.creator.displayName },
  { key: 'status', label: 'Status', cell: (t) => <Badge variant="default">{t.status}</Badge> },
  { key: 'moderation', label: 'Moderation', cell: (t) => <ModerationControls template={t} /> },
];

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
          <DataTable
            rows={rows}
            columns={COLUMNS}
            // Keyed with the status: a hidden or restored template is a fresh row (its reason field starts empty).
            rowKey={(t) => `${t.id}-${t.status}`}
            caption="Templates"
            hideCaption
            rowTestId="admin-prompt-row"
            rowData={(t) => ({ 'data-prompt': t.id })}
            minWidth={640}
          />
        )}
      </Card>
      <LoadMore query={prompts} />
    </Stack>
  );
}
