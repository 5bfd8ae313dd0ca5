import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../features/auth/use-auth';
import { ChevronDownIcon, LogoutIcon, UserIcon } from './icons';

export function UserMenu() {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  if (!user) return null;
  const name = user.displayName || user.email;

  const onLogout = async () => {
    await logout();
    notifications.show({ message: 'You are logged out.' });
    navigate('/login', { replace: true });
  };

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<UserIcon size={16} />}
          rightSection={<ChevronDownIcon size={14} />}
          aria-label={`Account menu for ${name}`}
          data-testid="user-menu"
        >
          <Text component="span" size="sm" truncate maw={140} visibleFrom="sm">
            {name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as {user.email}</Menu.Label>
        <Menu.Item component={Link} to="/account">
          Account
        </Menu.Item>
        <Menu.Item component={Link} to="/credits">
          Credits and history
        </Menu.Item>
        <Menu.Item component={Link} to="/developers">
          Use the API
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<LogoutIcon size={16} />} onClick={() => void onLogout()}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
