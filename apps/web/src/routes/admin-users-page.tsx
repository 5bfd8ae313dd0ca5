import { Stack } from '@mantine/core';
import { PageHeader } from '../components/page-header';
import { AdminNav } from '../features/admin/admin-nav';
import { AdminUsers } from '../features/admin/admin-users';

export function AdminUsersPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Users" lead="Find a user, change their role or ban them." />
      <AdminNav />
      <AdminUsers />
    </Stack>
  );
}
