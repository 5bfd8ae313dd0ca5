import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../../features/auth/use-me';
import { formatCredits } from '../../components/format-credits';
import { CoinIcon } from '../../components/icons';

/**
 * The signed-in user's balance from `GET /me`; it links to the Credits page. The accessible name says what the
 * number is ("Balance: 5 credits") while the visible text stays short.
 */
export function BalanceBadge() {
  const { data } = useMe();
  if (!data) return null;
  const text = formatCredits(data.balance);
  return (
    <Button
      component={Link}
      to="/credits"
      variant="light"
      size="compact-md"
      leftSection={<CoinIcon size={16} />}
      aria-label={`Balance: ${text}`}
      data-testid="balance"
    >
      {text}
    </Button>
  );
}
