import { Anchor, Group } from '@mantine/core';
import { NavLink } from 'react-router';

const LINKS = [
  { to: '/admin', label: 'Overview' },
  { to: '/admin/tools', label: 'Tools' },
  { to: '/admin/queues', label: 'Queues' },
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/ads', label: 'Ad tiers' },
  { to: '/admin/credit-packs', label: 'Credit packs' },
];

/** The admin section's own links; the current page is marked for assistive technology. */
export function AdminNav() {
  return (
    <nav aria-label="Admin">
      <Group gap="md" mb="md">
        {LINKS.map((l) => (
          <Anchor key={l.to} component={NavLink} to={l.to} end fw={500} size="sm">
            {l.label}
          </Anchor>
        ))}
      </Group>
    </nav>
  );
}
