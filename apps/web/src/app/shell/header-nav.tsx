import { Button, Group } from '@mantine/core';
import { Link, useMatch } from 'react-router';
import { useAuth } from '../../features/auth/use-auth';
import { visibleNavItems, type NavItem } from './nav-items';

function HeaderNavLink({ item }: { item: NavItem }) {
  const active = useMatch({ path: item.to, end: false }) !== null;
  return (
    <Button
      component={Link}
      to={item.to}
      variant={active ? 'light' : 'subtle'}
      color={active ? undefined : 'gray'}
      aria-current={active ? 'page' : undefined}
    >
      {item.label}
    </Button>
  );
}

/** The wide-screen navigation in the header; small screens get the same items in the burger drawer. */
export function HeaderNav() {
  const { user } = useAuth();
  return (
    <Group component="nav" aria-label="Main" gap={4} visibleFrom="sm">
      {visibleNavItems(user?.role).map((item) => (
        <HeaderNavLink key={item.to} item={item} />
      ))}
    </Group>
  );
}
