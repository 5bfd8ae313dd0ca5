import { useState } from 'react';
import { Alert, Card, Loader, NumberInput, Stack, Table, Title, VisuallyHidden } from '@mantine/core';
import { RowSaveCell } from '../../components/row-save-cell';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdTierSettings } from './ads-api';
import { data, megicai } from '../../api';

const tiersKey = ['admin', 'ads', 'tiers'] as const;

function TierRow({ tier }: { tier: AdTierSettings }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ seconds: tier.seconds, credits: tier.credits, dailyCap: tier.dailyCap });
  const save = useMutation({
    mutationFn: () =>
      data(megicai.PATCH('/api/v1/admin/ads/tiers/{tier}', { params: { path: { tier: tier.tier } }, body: draft })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tiersKey }),
  });
  const changed = draft.seconds !== tier.seconds || draft.credits !== tier.credits || draft.dailyCap !== tier.dailyCap;
  const field = (
    key: keyof typeof draft,
    label: string,
    props: { min: number; max: number; decimalScale?: number },
  ) => (
    <NumberInput
      aria-label={`${label} of the ${tier.tier} tier`}
      value={draft[key]}
      onChange={(v) => setDraft((d) => ({ ...d, [key]: typeof v === 'number' ? v : Number(v) || 0 }))}
      allowNegative={false}
      w={110}
      {...props}
    />
  );
  return (
    <Table.Tr data-testid="admin-tier-row" data-tier={tier.tier}>
      <Table.Th scope="row">{tier.tier}</Table.Th>
      <Table.Td>{field('seconds', 'Seconds', { min: 1, max: 3600, decimalScale: 0 })}</Table.Td>
      <Table.Td>{field('credits', 'Credits', { min: 0.001, max: 1000, decimalScale: 3 })}</Table.Td>
      <Table.Td>{field('dailyCap', 'Daily cap', { min: 0, max: 10000, decimalScale: 0 })}</Table.Td>
      <RowSaveCell onSave={() => save.mutate()} disabled={!changed} save={save} showSaved />
    </Table.Tr>
  );
}

/** Admins edit what each ad tier takes and pays; new sessions use the new values, every change is audited. */
export function AdminAdTiers() {
  const tiers = useQuery({
    queryKey: tiersKey,
    queryFn: ({ signal }) => data(megicai.GET('/api/v1/admin/ads/tiers', { signal })),
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id="ad-tiers-title">
          Ad tiers
        </Title>
        {tiers.isPending ? (
          <Loader role="status" size="sm" aria-label="Loading ad tiers" />
        ) : tiers.isError ? (
          <Alert color="red" role="alert">
            {tiers.error.message}
          </Alert>
        ) : (
          <Table aria-labelledby="ad-tiers-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Tier</Table.Th>
                <Table.Th scope="col">Seconds</Table.Th>
                <Table.Th scope="col">Credits</Table.Th>
                <Table.Th scope="col">Daily cap</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tiers.data.map((t) => (
                <TierRow key={`${t.tier}-${t.seconds}-${t.credits}-${t.dailyCap}`} tier={t} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
