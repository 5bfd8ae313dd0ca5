import type { ReactNode } from 'react';
import { Card, Stack, Text, Title } from '@mantine/core';

/** A titled section of a page (the Account page's cards): a landmark named by its heading, a short lead, content. */
export function SectionCard({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {lead}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}
