import { useState } from 'react';
import { Alert, Anchor, Badge, Card, Loader, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@megicai/contracts';
import type { AdminUserView } from './admin-api';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../components/data-table';
import { formatCredits } from '../../components/format-credits';
import { adminApi, adminKeys } from './admin-api';
import { LoadMore } from './load-more';

function RoleSelect({ user, q }: { user: AdminUserView; q: string }) {
  const patch = usePatchUser(user.id, q);
  return (
    <>
      <Select
        aria-label={`Role of ${user.email}`}
        data={['user', 'admin']}
        value={user.role}
        allowDeselect={false}
        w={110}
        onChange={(v) => v && v !== user.role && patch.mutate({ role: v as Role })}
      />
      <PatchError patch={patch} />
    </>
  );
}

function BanSwitch({ user, q }: { user: AdminUserView; q: string }) {
  const patch = usePatchUser(user.id, q);
  return (
    <>
      <Switch
        aria-label={`Ban ${user.email}`}
        checked={user.banned}
        onChange={(e) => patch.mutate({ banned: e.currentTarget.checked })}
      />
      <PatchError patch={patch} />
    </>
  );
}

function usePatchUser(id: string, q: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { role?: Role; banned?: boolean }) => adminApi.patchUser(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users(q) }),
  });
}

function PatchError({ patch }: { patch: { error: Error | null } }) {
  return patch.error ? (
    <Alert color="red" role="alert" p={4}>
      {patch.error.message}
    </Alert>
  ) : null;
}

function columns(q: string): DataColumn<AdminUserView>[] {
  return [
    {
      key: 'email',
      label: 'Email',
      rowHeader: true,
      cell: (user) => (
        <Anchor component={Link} to={`/admin/users/${user.id}`} size="sm">
          {user.email}
        </Anchor>
      ),
    },
    { key: 'name', label: 'Name', cell: (user) => user.displayName },
    { key: 'balance', label: 'Balance', cell: (user) => formatCredits(user.balance) },
    { key: 'role', label: 'Role', cell: (user) => <RoleSelect user={user} q={q} /> },
    { key: 'banned', label: 'Banned', cell: (user) => <BanSwitch user={user} q={q} /> },
    {
      key: 'notes',
      label: 'Notes',
      cell: (user) =>
        user.premiumUntil && new Date(user.premiumUntil) > new Date() ? <Badge variant="default">Premium</Badge> : null,
    },
  ];
}

/** Search users by email or name; change their role or ban them (audited by the API). */
export function AdminUsers() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const users = useInfiniteQuery({
    queryKey: adminKeys.users(q),
    queryFn: ({ pageParam, signal }) => adminApi.users(q, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <TextInput
        label="Search users"
        placeholder="Email or display name"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={360}
      />
      {users.isError ? (
        <Alert color="red" role="alert">
          {users.error.message}
        </Alert>
      ) : null}
      <Card withBorder radius="md" padding="md">
        {users.isPending ? (
          <Loader role="status" size="sm" aria-label="Loading users" />
        ) : (
          <DataTable
            rows={rows}
            columns={columns(q)}
            // Keyed by what the row shows: a changed user is a fresh row (and its controls forget a failed change).
            rowKey={(u) => `${u.id}-${u.role}-${u.banned}`}
            caption="Users"
            hideCaption
            minWidth={720}
          />
        )}
      </Card>
      <LoadMore query={users} />
    </Stack>
  );
}
