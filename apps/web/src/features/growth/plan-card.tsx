import { Button, Card, List, Stack, Text, Title } from '@mantine/core';
import type { PremiumPlanView } from './growth-api';
import { formatCredits } from '../../components/format-credits';
import { formatPrice } from './growth-api';

/** One plan with its price, allowance and features, and the button that opens its checkout. */
export function PlanCard({
  plan,
  premium,
  busy,
  onSubscribe,
}: {
  plan: PremiumPlanView;
  premium: boolean;
  busy: boolean;
  onSubscribe: (plan: PremiumPlanView) => void;
}) {
  const titleId = `plan-${plan.id}`;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={titleId} data-testid="plan-card">
      <Stack gap="sm" h="100%">
        <Title order={2} size="h3" id={titleId}>
          {plan.name}
        </Title>
        <Text size="xl" fw={700}>
          {formatPrice(plan)}
        </Text>
        <Text size="sm" c="dimmed">
          {formatCredits(plan.allowanceCredits)} every {plan.interval}
        </Text>
        <List size="sm" spacing={4} style={{ flex: 1 }}>
          {plan.features.map((f) => (
            <List.Item key={f}>{f}</List.Item>
          ))}
        </List>
        <Button onClick={() => onSubscribe(plan)} loading={busy} aria-describedby={titleId}>
          {premium ? 'Extend' : 'Subscribe'}
        </Button>
      </Stack>
    </Card>
  );
}
