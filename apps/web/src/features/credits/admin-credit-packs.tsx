import { useState } from 'react';
import { Alert, Card, Checkbox, Loader, NumberInput, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { RowSaveCell } from '../../components/row-save-cell';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdminCreditPackView } from './credits-api';
import { data, megicai } from '../../api';
import { creditsKeys } from './credits-api';

const packsKey = ['admin', 'credit-packs'] as const;
type Draft = Pick<AdminCreditPackView, 'credits' | 'price' | 'active'>;

function useSavePack(send: (draft: Draft) => Promise<AdminCreditPackView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: packsKey }),
        queryClient.invalidateQueries({ queryKey: creditsKeys.packs }),
      ]),
  });
}

function PackRow({ pack, label }: { pack: AdminCreditPackView | null; label: string }) {
  // Only the editable fields: the body must not carry the pack's other members (unknown fields are refused).
  const initial: Draft = pack
    ? { credits: pack.credits, price: pack.price, active: pack.active }
    : { credits: 100, price: 1.99, active: true };
  const [draft, setDraft] = useState<Draft>(initial);
  const save = useSavePack((d) =>
    pack
      ? data(megicai.PATCH('/api/v1/admin/credit-packs/{id}', { params: { path: { id: pack.id } }, body: d }))
      : data(megicai.POST('/api/v1/admin/credit-packs', { body: { ...d, currency: 'USD' } })),
  );
  const changed = (Object.keys(draft) as (keyof Draft)[]).some((k) => draft[k] !== initial[k]);
  const number = (key: 'credits' | 'price', props: { min: number; max: number; decimalScale: number }) => (
    <NumberInput
      aria-label={`${key === 'credits' ? 'Credits' : 'Price'} of ${label}`}
      value={draft[key]}
      onChange={(v) => setDraft((d) => ({ ...d, [key]: typeof v === 'number' ? v : Number(v) || 0 }))}
      allowNegative={false}
      w={120}
      {...props}
    />
  );
  return (
    <Table.Tr data-testid="admin-pack-row">
      <Table.Td>{number('credits', { min: 0.001, max: 10_000_000, decimalScale: 3 })}</Table.Td>
      <Table.Td>{number('price', { min: 0.5, max: 100_000, decimalScale: 2 })}</Table.Td>
      <Table.Td>{pack?.currency ?? 'USD'}</Table.Td>
      <Table.Td>
        <Checkbox
          aria-label={`${label} on sale`}
          checked={draft.active}
          onChange={(e) => setDraft((d) => ({ ...d, active: e.currentTarget.checked }))}
        />
      </Table.Td>
      <RowSaveCell
        onSave={() => save.mutate(draft)}
        disabled={pack !== null && !changed}
        save={save}
        label={pack ? 'Save' : 'Add'}
      />
    </Table.Tr>
  );
}

/** Admins set what each credit pack gives and costs, and which are on sale; every change is audited. */
export function AdminCreditPacks() {
  const packs = useQuery({
    queryKey: packsKey,
    queryFn: ({ signal }) => data(megicai.GET('/api/v1/admin/credit-packs', { signal })),
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id="credit-packs-title">
          Credit packs
        </Title>
        <Text size="sm" c="dimmed">
          Checkouts already opened keep the credits and price they showed.
        </Text>
        {packs.isPending ? (
          <Loader role="status" size="sm" aria-label="Loading credit packs" />
        ) : packs.isError ? (
          <Alert color="red" role="alert">
            {packs.error.message}
          </Alert>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table aria-labelledby="credit-packs-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Credits</Table.Th>
                  <Table.Th scope="col">Price</Table.Th>
                  <Table.Th scope="col">Currency</Table.Th>
                  <Table.Th scope="col">On sale</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {packs.data.map((p, i) => (
                  <PackRow key={`${p.id}-${p.credits}-${p.price}-${p.active}`} pack={p} label={`pack ${i + 1}`} />
                ))}
                <PackRow key={`new-${packs.data.length}`} pack={null} label="a new pack" />
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
