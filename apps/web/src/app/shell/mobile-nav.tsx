import { Button, Drawer, NavLink as MantineNavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../../features/auth/use-auth';
import { visibleNavItems } from './nav-items';

/**
 * The burger's navigation on small screens. A Drawer (a modal dialog) rather than AppShell.Navbar: it traps focus
 * while open and leaves nothing focusable off-screen while closed.
 */
export function MobileNav({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { user, status } = useAuth();
  const { pathname } = useLocation();
  return (
    <Drawer opened={opened} onClose={onClose} title="Menu" size="xs" hiddenFrom="sm">
      <nav aria-label="Main">
        <Stack gap={4}>
          <MantineNavLink
            component={Link}
            to="/"
            label="Home"
            active={pathname === '/'}
            aria-current={pathname === '/' ? 'page' : undefined}
            onClick={onClose}
          />
          {visibleNavItems(user?.role).map((item) => (
            <MantineNavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={pathname.startsWith(item.to)}
              aria-current={pathname.startsWith(item.to) ? 'page' : undefined}
              onClick={onClose}
            />
          ))}
          {status === 'anonymous' ? (
            <Stack gap="xs" mt="md">
              <Button component={Link} to="/login" variant="default" onClick={onClose}>
                Log in
              </Button>
              <Button component={Link} to="/register" onClick={onClose}>
                Sign up
              </Button>
            </Stack>
          ) : null}
        </Stack>
      </nav>
    </Drawer>
  );
}
