import { Stack } from '@mantine/core';
import { PageHeader } from '../components/page-header';
import { AdminAuditLog } from '../features/admin/admin-audit-log';
import { AdminNav } from '../features/admin/admin-nav';

export function AdminAuditPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Audit log" lead="Every admin change, with who made it and the values before and after." />
      <AdminNav />
      <AdminAuditLog />
    </Stack>
  );
}
