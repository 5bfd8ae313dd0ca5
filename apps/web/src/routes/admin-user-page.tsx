import { Anchor, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { AdminNav } from '../features/admin/admin-nav';
import { AdminUserDetail } from '../features/admin/admin-user-detail';

export function AdminUserPage() {
  const { id = '' } = useParams();
  return (
    <Stack gap="lg">
      <PageHeader title="User" lead="Balance, recent ledger and jobs; adjust credits with a reason." />
      <AdminNav />
      <Anchor component={Link} to="/admin/users" size="sm">
        ← All users
      </Anchor>
      <AdminUserDetail userId={id} />
    </Stack>
  );
}
