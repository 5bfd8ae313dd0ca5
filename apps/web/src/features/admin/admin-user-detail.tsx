import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdminUserDetailView } from './admin-api';
import { formatCredits } from '../../components/format-credits';
import { QueryFallback } from '../../components/query-fallback';
import { DataTable, type DataColumn } from '../../components/data-table';
import { adminApi, adminKeys } from './admin-api';

/** Grant (positive) or take (negative) credits with a reason; the API writes an `admin_adjustment` and audits it. */
function CreditAdjustment({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  const [delta, setDelta] = useState<number | string>('');
  const [reason, setReason] = useState('');
  // One key per intended adjustment: a double click or a retry does not grant twice.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const adjust = useMutation({
    mutationFn: () => adminApi.adjustCredits(userId, { delta: Number(delta), reason: reason.trim() }, key),
    onSuccess: () => {
      setKey(crypto.randomUUID());
      setDelta('');
      setReason('');
      return queryClient.invalidateQueries({ queryKey: adminKeys.user(userId) });
    },
  });
  const valid = Number(delta) !== 0 && delta !== '' && reason.trim().length > 0;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="adjust-title">
      <Title order={2} size="h4" id="adjust-title" mb="sm">
        Adjust credits
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) adjust.mutate();
        }}
      >
        <Stack gap="sm">
          <Group align="end" wrap="wrap">
            <NumberInput
              label="Credits (negative to take)"
              value={delta}
              onChange={setDelta}
              decimalScale={3}
              w={200}
            />
            <TextInput
              label="Reason"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maw={360}
              style={{ flex: 1 }}
            />
            <Button type="submit" disabled={!valid} loading={adjust.isPending}>
              Apply
            </Button>
          </Group>
          {adjust.isSuccess ? (
            <Text size="sm" role="status">
              Done: the balance is now {formatCredits(adjust.data.balance)}.
            </Text>
          ) : null}
          {adjust.isError ? (
            <Alert color="red" role="alert">
              {adjust.error.message}
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}

const LEDGER_COLUMNS: DataColumn<AdminUserDetailView['ledger'][number]>[] = [
  { key: 'when', label: 'When', cell: (e) => new Date(e.createdAt).toLocaleString() },
  { key: 'kind', label: 'Kind', cell: (e) => e.kind },
  { key: 'delta', label: 'Delta', cell: (e) => e.delta },
  { key: 'after', label: 'Balance after', cell: (e) => e.balanceAfter },
];

function Ledger({ user }: { user: AdminUserDetailView }) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="ledger-title">
      <Title order={2} size="h4" id="ledger-title" mb="sm">
        Recent ledger
      </Title>
      <DataTable
        rows={user.ledger}
        columns={LEDGER_COLUMNS}
        rowKey={(e) => e.id}
        caption="Recent ledger entries"
        hideCaption
        rowTestId="admin-ledger-row"
        minWidth={480}
      />
    </Card>
  );
}

const JOB_COLUMNS: DataColumn<AdminUserDetailView['jobs'][number]>[] = [
  { key: 'when', label: 'When', cell: (j) => new Date(j.createdAt).toLocaleString() },
  { key: 'tool', label: 'Tool', cell: (j) => j.toolId },
  { key: 'status', label: 'Status', cell: (j) => j.status },
];

function Jobs({ user }: { user: AdminUserDetailView }) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="jobs-title">
      <Title order={2} size="h4" id="jobs-title" mb="sm">
        Recent jobs
      </Title>
      {user.jobs.length === 0 ? (
        <Text size="sm">No jobs yet.</Text>
      ) : (
        <DataTable
          rows={user.jobs}
          columns={JOB_COLUMNS}
          rowKey={(j) => j.id}
          caption="Recent jobs"
          hideCaption
          minWidth={480}
        />
      )}
    </Card>
  );
}

/** One user as an operator sees them: balance, templates, recent ledger and jobs, and a credit adjustment. */
export function AdminUserDetail({ userId }: { userId: string }) {
  const user = useQuery({ queryKey: adminKeys.user(userId), queryFn: ({ signal }) => adminApi.user(userId, signal) });
  if (!user.isSuccess) return <QueryFallback query={user} label="Loading user" />;
  const u = user.data;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder radius="md" padding="md">
          <Text size="sm">Balance</Text>
          <Text fw={700} size="xl" data-testid="admin-user-balance">
            {formatCredits(u.balance)}
          </Text>
        </Card>
        <Card withBorder radius="md" padding="md">
          <Text size="sm">Templates</Text>
          <Text fw={700} size="xl">
            {u.templatesCount}
          </Text>
        </Card>
        <Card withBorder radius="md" padding="md">
          <Text size="sm">Account</Text>
          <Group gap="xs">
            <Badge variant="default">{u.role}</Badge>
            {u.banned ? <Badge color="red">Banned</Badge> : null}
          </Group>
        </Card>
      </SimpleGrid>
      <CreditAdjustment userId={u.id} />
      <Ledger user={u} />
      <Jobs user={u} />
    </Stack>
  );
}
