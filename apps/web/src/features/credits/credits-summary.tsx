import { Card, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatCredits } from '../../components/format-credits';
import { creditsApi, creditsKeys } from './credits-api';

function Stat({ label, value, testId }: { label: string; value: string | null; testId: string }) {
  return (
    <Card withBorder padding="md" radius="md">
      <Text size="sm" c="dimmed" id={`${testId}-label`}>
        {label}
      </Text>
      {value === null ? (
        <Skeleton height={28} mt={4} />
      ) : (
        <Text size="xl" fw={700} data-testid={testId} aria-labelledby={`${testId}-label`}>
          {value}
        </Text>
      )}
    </Card>
  );
}

/** Balance and today's movements (UTC day), from `GET /credits`. */
export function CreditsSummaryCards() {
  const summary = useQuery({ queryKey: creditsKeys.summary, queryFn: ({ signal }) => creditsApi.summary(signal) });
  const data = summary.data;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} mb="lg">
      <Stat label="Balance" value={data ? formatCredits(data.balance) : null} testId="credits-balance" />
      <Stat label="Earned today" value={data ? formatCredits(data.earnedToday) : null} testId="credits-earned-today" />
      <Stat label="Spent today" value={data ? formatCredits(data.spentToday) : null} testId="credits-spent-today" />
    </SimpleGrid>
  );
}
