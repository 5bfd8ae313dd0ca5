import { useEffect, useRef } from 'react';
import { AppShell, Burger, Button, Container, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { VerifyEmailBanner } from '../features/account/verify-email-banner';
import { useAuth } from '../features/auth/use-auth';
import { BalanceBadge } from './balance-badge';
import { HeaderNav } from './header-nav';
import { Logo } from './logo';
import { MobileNav } from './mobile-nav';
import { ThemeToggle } from './theme-toggle';
import { UserMenu } from './user-menu';

/** The frame of every page: header (logo, navigation, balance, theme, account) and the main region. */
export function AppLayout() {
  const [navOpened, nav] = useDisclosure(false);
  const { status } = useAuth();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();

  // After a client-side navigation, move focus to <main> as a full page load would reset it: keyboard and
  // screen-reader users start at the new content instead of on the link they just left.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [pathname]);

  return (
    <AppShell header={{ height: 64 }} padding={{ base: 'sm', sm: 'lg' }}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'sm', sm: 'lg' }} justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
            />
            <Logo />
            <HeaderNav />
          </Group>
          <Group gap="xs" wrap="nowrap">
            {status === 'authenticated' ? <BalanceBadge /> : null}
            <ThemeToggle />
            {status === 'authenticated' ? <UserMenu /> : null}
            {status === 'anonymous' ? (
              <Group gap="xs" visibleFrom="sm" wrap="nowrap">
                <Button component={Link} to="/login" variant="default">
                  Log in
                </Button>
                <Button component={Link} to="/register">
                  Sign up
                </Button>
              </Group>
            ) : null}
          </Group>
        </Group>
      </AppShell.Header>
      <MobileNav opened={navOpened} onClose={nav.close} />
      <AppShell.Main id="main" ref={mainRef} tabIndex={-1}>
        <Container size="lg" px={0}>
          {status === 'authenticated' ? <VerifyEmailBanner /> : null}
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
