import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { PromptStatus } from '@megicai/contracts';
import { Link } from 'react-router';
import { problemMessage } from '../api';
import { formatCredits } from '../components/format-credits';
import { PageHeader } from '../components/page-header';
import { marketplaceApi, marketplaceKeys } from '../features/marketplace/marketplace-api';

const STATUS_COLOR: Record<PromptStatus, string> = { draft: 'gray', published: 'green', hidden: 'red' };

/** The creator's templates with their earnings, and the way to create, edit and publish them. */
export function MyTemplatesPage() {
  const queryClient = useQueryClient();
  const mine = useQuery({
    queryKey: marketplaceKeys.mine,
    queryFn: ({ signal }) => marketplaceApi.mine(undefined, signal),
  });
  const earnings = useQuery({
    queryKey: marketplaceKeys.earnings,
    queryFn: ({ signal }) => marketplaceApi.earnings(signal),
  });
  const byTemplate = new Map((earnings.data?.byTemplate ?? []).map((e) => [e.templateId, e]));

  // Inline rather than a toast: the message stays next to the list it is about, and is announced.
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const publish = async (id: string) => {
    setMessage(null);
    try {
      const t = await marketplaceApi.publish(id);
      setMessage({
        ok: true,
        text:
          t.status === 'published'
            ? `“${t.title}” is published.`
            : `“${t.title}” is hidden by moderation and stays hidden.`,
      });
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all });
    } catch (error) {
      setMessage({ ok: false, text: problemMessage(error, 'Could not publish.') });
    }
  };

  const remove = async (id: string, title: string) => {
    if (!window.confirm(`Delete “${title}”? Its runs and earnings stay in your history.`)) return;
    setMessage(null);
    try {
      await marketplaceApi.remove(id);
      setMessage({ ok: true, text: `“${title}” is deleted.` });
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all });
    } catch (error) {
      setMessage({ ok: false, text: problemMessage(error, 'Could not delete.') });
    }
  };

  return (
    <>
      <PageHeader
        title="My templates"
        lead="Write prompt templates, publish them, and earn 2% of every run by others."
        actions={
          <Button component={Link} to="/marketplace/mine/new">
            New template
          </Button>
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="section" aria-label="Earnings">
          <Card withBorder>
            <Text size="sm" c="dimmed">
              Earned in total
            </Text>
            <Text size="xl" fw={700} data-testid="earnings-total">
              {earnings.data ? formatCredits(earnings.data.total) : '…'}
            </Text>
          </Card>
          <Card withBorder>
            <Text size="sm" c="dimmed">
              Last 30 days
            </Text>
            <Text size="xl" fw={700} data-testid="earnings-30d">
              {earnings.data ? formatCredits(earnings.data.last30Days) : '…'}
            </Text>
          </Card>
        </SimpleGrid>
        <Title order={2} size="h3">
          Templates
        </Title>
        {message ? (
          <Alert
            color={message.ok ? 'green' : 'red'}
            role={message.ok ? 'status' : 'alert'}
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setMessage(null)}
          >
            {message.text}
          </Alert>
        ) : null}
        {mine.isPending ? (
          <Loader role="status" aria-label="Loading your templates" />
        ) : mine.isError ? (
          <Alert color="red" role="alert">
            {mine.error.message}
          </Alert>
        ) : mine.data.items.length === 0 ? (
          <Text c="dimmed">You have no templates yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label="My templates">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Version</Table.Th>
                  <Table.Th>Runs</Table.Th>
                  <Table.Th>Earnings</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mine.data.items.map((t) => {
                  const earned = byTemplate.get(t.id);
                  return (
                    <Table.Tr key={t.id} data-testid={`my-template-${t.id}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/marketplace/${t.id}`}>
                          {t.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOR[t.status]} variant="dot">
                          {t.status}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{t.version}</Table.Td>
                      <Table.Td>{earned?.runs ?? 0}</Table.Td>
                      <Table.Td data-testid="template-earnings">{formatCredits(earned?.earnings ?? 0)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            component={Link}
                            to={`/marketplace/mine/${t.id}/edit`}
                            aria-label={`Edit ${t.title}`}
                          >
                            Edit
                          </Button>
                          {t.status === 'draft' ? (
                            <Button size="xs" onClick={() => void publish(t.id)} aria-label={`Publish ${t.title}`}>
                              Publish
                            </Button>
                          ) : null}
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => void remove(t.id, t.title)}
                            aria-label={`Delete ${t.title}`}
                          >
                            Delete
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </>
  );
}
