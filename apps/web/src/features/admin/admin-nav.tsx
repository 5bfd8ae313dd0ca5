import { Anchor, Group } from '@mantine/core';
import { NavLink } from 'react-router';

const LINKS = [
  { to: '/admin', label: 'Overview' },
  { to: '/admin/tools', label: 'Tools' },
  { to: '/admin/queues', label: 'Queues' },
  { to: '/admin/providers', label: 'Providers' },
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/moderation', label: 'Moderation' },
  { to: '/admin/audit-log', label: 'Audit log' },
  { to: '/admin/ads', label: 'Ad tiers' },
  { to: '/admin/creatives', label: 'House creatives' },
  { to: '/admin/credit-packs', label: 'Credit packs' },
  { to: '/admin/plans', label: 'Premium plans' },
];

/** The admin section's own links; the current page is marked for assistive technology. */
export function AdminNav() {
  return (
    <nav aria-label="Admin">
      <Group gap="md" mb="md" wrap="wrap">
        {LINKS.map((l) => (
          <Anchor key={l.to} component={NavLink} to={l.to} end fw={500} size="sm">
            {l.label}
          </Anchor>
        ))}
      </Group>
    </nav>
  );
}
