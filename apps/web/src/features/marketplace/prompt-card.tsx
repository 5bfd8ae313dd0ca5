import { Anchor, Badge, Card, Group, Rating, Stack, Text } from '@mantine/core';
import type { PromptTemplateView } from './marketplace-api';
import { Link } from 'react-router';

/** One template in a list: its title links to the template page. */
export function PromptCard({ template, toolName }: { template: PromptTemplateView; toolName?: string }) {
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`prompt-${template.id}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/marketplace/${template.id}`} fw={600} id={`prompt-${template.id}`}>
            {template.title}
          </Anchor>
          <Badge variant="default">{toolName ?? template.toolKind}</Badge>
        </Group>
        <Text size="sm" lineClamp={3}>
          {template.description}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Rating value={template.ratingAvg ?? 0} fractions={4} readOnly size="xs" aria-hidden="true" />
          <Text size="xs" c="dimmed">
            {template.ratingAvg === null
              ? 'No ratings yet'
              : `${template.ratingAvg.toFixed(1)} of 5 (${template.ratingCount} ${template.ratingCount === 1 ? 'rating' : 'ratings'})`}
            {' · '}
            {template.uses} {template.uses === 1 ? 'run' : 'runs'} · by {template.creator.displayName}
          </Text>
        </Group>
        {template.tags.length > 0 ? (
          <Group gap={4}>
            {template.tags.map((tag) => (
              <Badge key={tag} size="xs" variant="default">
                {tag}
              </Badge>
            ))}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
