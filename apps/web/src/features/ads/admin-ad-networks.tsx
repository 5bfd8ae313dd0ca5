import { useState } from 'react';
import { Alert, Button, Card, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdNetworkId } from '@megicai/contracts';
import type { AdNetworkSettings } from './ads-api';
import { data, megicai } from '../../api';

const key = ['admin', 'ads', 'networks'] as const;

function OrderForm({ settings }: { settings: AdNetworkSettings }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(settings.networks.join(', '));
  const save = useMutation({
    mutationFn: () =>
      data(
        megicai.PUT('/api/v1/admin/ads/networks', {
          body: {
            networks: draft
              .split(',')
              .map((n) => n.trim())
              .filter(Boolean) as AdNetworkId[],
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  return (
    <Stack gap="xs">
      <TextInput
        label="Waterfall order"
        description={`Tried in order; house always ends it. Configured: ${settings.available.join(', ')}`}
        value={draft}
        onChange={(e) => setDraft(e.currentTarget.value)}
      />
      <Group gap="xs">
        <Button size="xs" onClick={() => save.mutate()} loading={save.isPending}>
          Save order
        </Button>
        {save.isError ? (
          <Text size="xs" c="red.8" role="alert">
            {save.error.message}
          </Text>
        ) : save.isSuccess ? (
          <Text size="xs" role="status">
            Saved
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}

/** The ad networks the SPA tries in turn for every new session (audited). */
export function AdminAdNetworks() {
  const settings = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => data(megicai.GET('/api/v1/admin/ads/networks', { signal })),
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Networks
        </Title>
        {settings.isPending ? (
          <Loader size="sm" aria-label="Loading ad networks" />
        ) : settings.isError ? (
          <Alert color="red" role="alert">
            {settings.error.message}
          </Alert>
        ) : (
          <OrderForm key={settings.data.networks.join()} settings={settings.data} />
        )}
      </Stack>
    </Card>
  );
}
