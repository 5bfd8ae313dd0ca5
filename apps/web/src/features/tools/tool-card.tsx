import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ToolView } from './tools-api';
import { Link } from 'react-router';
import { LockIcon } from './lock-icon';
import { OfferPrice } from './offer-price';
import { currentCost, KIND_COLORS, KIND_LABELS } from './tool-cost';

/** One tool of the catalog: kind, price (with a running offer struck through), premium lock. */
export function ToolCard({ tool, premium }: { tool: ToolView; premium: boolean }) {
  const cost = currentCost(tool);
  const onOffer = cost < tool.creditCost;
  const locked = tool.premiumOnly && !premium;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={`tool-${tool.slug}`} data-testid="tool-card">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="nowrap">
          <Badge color={KIND_COLORS[tool.kind]} variant="filled">
            {KIND_LABELS[tool.kind]}
          </Badge>
          <Group gap={4}>
            {onOffer ? (
              <Badge color="red.9" variant="filled">
                Offer
              </Badge>
            ) : null}
            {tool.premiumOnly ? (
              <Badge variant="default" leftSection={<LockIcon />}>
                Premium
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Title order={3} size="h4" id={`tool-${tool.slug}`}>
          {tool.name}
        </Title>
        <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
          {tool.description}
        </Text>
        <Group justify="space-between" align="center">
          <Text size="sm" fw={600}>
            <OfferPrice tool={tool} />
          </Text>
          <Button
            component={Link}
            to={`/tools/${tool.slug}`}
            size="xs"
            variant={locked ? 'default' : 'filled'}
            aria-label={`${locked ? 'View' : 'Open'} ${tool.name}`}
          >
            {locked ? 'View' : 'Open'}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
