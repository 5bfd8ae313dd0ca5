import { Button, Card, CopyButton, Group, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatCredits } from '../../components/format-credits';
import { creditsApi, creditsKeys } from './credits-api';

/** The caller's referral link: both sides get a bonus once the invited friend verified their email and watched a first ad. */
export function ReferralCard() {
  const referrals = useQuery({
    queryKey: creditsKeys.referrals,
    queryFn: ({ signal }) => creditsApi.referrals(signal),
  });
  const data = referrals.data;
  return (
    <Card withBorder radius="md" padding="md" h="100%">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Invite friends
        </Title>
        <Text size="sm" c="dimmed">
          When a friend registers with your link, verifies their email and watches a first ad, you both get a referral
          bonus.
        </Text>
        {data ? (
          <>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                label="Your referral link"
                value={data.link}
                readOnly
                style={{ flex: 1 }}
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={data.link}>
                {({ copied, copy }) => (
                  <Button onClick={copy} variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined}>
                    {copied ? 'Copied' : 'Copy link'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" data-testid="referral-stats">
              Code <strong>{data.code}</strong> · {data.invited} {data.invited === 1 ? 'friend' : 'friends'} invited ·{' '}
              {formatCredits(data.bonusEarned)} earned
            </Text>
          </>
        ) : (
          <Skeleton height={60} />
        )}
      </Stack>
    </Card>
  );
}
