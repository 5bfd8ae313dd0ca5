import { Stack } from '@mantine/core';
import { PageHeader } from '../components/page-header';
import { AdminModeration } from '../features/admin/admin-moderation';
import { AdminNav } from '../features/admin/admin-nav';

export function AdminModerationPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Moderation" lead="Recent templates of every creator; hide or restore one with a reason." />
      <AdminNav />
      <AdminModeration />
    </Stack>
  );
}
