import { useState } from 'react';
import { Alert, Anchor, Badge, Card, Loader, Select, Stack, Switch, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@megicai/contracts';
import type { AdminUserView } from './admin-api';
import { Link } from 'react-router';
import { formatCredits } from '../../components/format-credits';
import { adminApi, adminKeys } from './admin-api';
import { LoadMore } from './load-more';

function UserRow({ user, q }: { user: AdminUserView; q: string }) {
  const queryClient = useQueryClient();
  const patch = useMutation({
    mutationFn: (body: { role?: Role; banned?: boolean }) => adminApi.patchUser(user.id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users(q) }),
  });
  return (
    <Table.Tr>
      <Table.Th scope="row">
        <Anchor component={Link} to={`/admin/users/${user.id}`} size="sm">
          {user.email}
        </Anchor>
      </Table.Th>
      <Table.Td>{user.displayName}</Table.Td>
      <Table.Td>{formatCredits(user.balance)}</Table.Td>
      <Table.Td>
        <Select
          aria-label={`Role of ${user.email}`}
          data={['user', 'admin']}
          value={user.role}
          allowDeselect={false}
          w={110}
          onChange={(v) => v && v !== user.role && patch.mutate({ role: v as Role })}
        />
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={`Ban ${user.email}`}
          checked={user.banned}
          onChange={(e) => patch.mutate({ banned: e.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        {user.premiumUntil && new Date(user.premiumUntil) > new Date() ? (
          <Badge variant="default">Premium</Badge>
        ) : null}
        {patch.isError ? (
          <Alert color="red" role="alert" p={4}>
            {patch.error.message}
          </Alert>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
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
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="Users" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Email</Table.Th>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Balance</Table.Th>
                  <Table.Th scope="col">Role</Table.Th>
                  <Table.Th scope="col">Banned</Table.Th>
                  <Table.Th scope="col">Notes</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((u) => (
                  <UserRow key={`${u.id}-${u.role}-${u.banned}`} user={u} q={q} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <LoadMore query={users} />
    </Stack>
  );
}
