import { useState } from 'react';
import { Card, NumberInput, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { RowSaveCell } from '../../components/row-save-cell';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { QueryFallback } from '../../components/query-fallback';
import { type AdminPlan, catalogApi, catalogKeys } from './admin-catalog-api';
import { KEYBOARD_SCROLL, TableHead } from './table-head';

interface Draft {
  name: string;
  price: number;
  allowanceCredits: number;
  active: boolean;
}

const draftOf = (p: AdminPlan): Draft => ({
  name: p.name,
  price: p.priceCents / 100,
  allowanceCredits: p.allowanceCredits,
  active: p.active,
});

/** One plan: name, price (in the major unit here, cents on the wire), allowance and on offer, saved together. */
function PlanRow({ plan }: { plan: AdminPlan }) {
  const queryClient = useQueryClient();
  const initial = draftOf(plan);
  const [draft, setDraft] = useState<Draft>(initial);
  const save = useMutation({
    mutationFn: () =>
      catalogApi.patchPlan(plan.id, {
        name: draft.name.trim(),
        priceCents: Math.round(draft.price * 100),
        allowanceCredits: draft.allowanceCredits,
        active: draft.active,
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: catalogKeys.plans }),
        // The Premium page's public list.
        queryClient.invalidateQueries({ queryKey: ['premium'] }),
      ]),
  });
  const changed = (Object.keys(draft) as (keyof Draft)[]).some((k) => draft[k] !== initial[k]);
  const num = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);
  return (
    <Table.Tr data-testid="admin-plan-row" data-id={plan.id}>
      <Table.Td>
        <TextInput
          aria-label={`Name of ${plan.id}`}
          value={draft.name}
          onChange={(e) => setDraft((d) => ({ ...d, name: e.currentTarget.value }))}
          maxLength={80}
          w={180}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`Price of ${plan.id} (${plan.currency})`}
          value={draft.price}
          onChange={(v) => setDraft((d) => ({ ...d, price: num(v) }))}
          min={0.5}
          max={100_000}
          decimalScale={2}
          allowNegative={false}
          w={110}
        />
      </Table.Td>
      <Table.Td>{plan.interval === 'month' ? 'Monthly' : 'Yearly'}</Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`Credits every period of ${plan.id}`}
          value={draft.allowanceCredits}
          onChange={(v) => setDraft((d) => ({ ...d, allowanceCredits: num(v) }))}
          min={0}
          max={10_000_000}
          decimalScale={3}
          allowNegative={false}
          w={120}
        />
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={`${plan.id} on offer`}
          checked={draft.active}
          onChange={(e) => setDraft((d) => ({ ...d, active: e.currentTarget.checked }))}
        />
      </Table.Td>
      <RowSaveCell onSave={() => save.mutate()} disabled={!changed} save={save} />
    </Table.Tr>
  );
}

/** Premium plans: what each costs and grants, and which are offered. Every save is audited by the API. */
export function AdminPremiumPlans() {
  const plans = useQuery({ queryKey: catalogKeys.plans, queryFn: ({ signal }) => catalogApi.plans(signal) });
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h3" id="plans-title" mb="xs">
        Plans
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        New checkouts use the new price; each paid period grants the allowance in force when it is paid.
      </Text>
      {!plans.isSuccess ? (
        <QueryFallback query={plans} label="Loading plans" />
      ) : (
        <Table.ScrollContainer minWidth={680} scrollAreaProps={KEYBOARD_SCROLL}>
          <Table aria-labelledby="plans-title" verticalSpacing="xs">
            <TableHead columns={['Name', 'Price', 'Billed', 'Credits each period', 'On offer']} actions />
            <Table.Tbody>
              {plans.data.map((p) => (
                <PlanRow key={`${p.id}-${p.name}-${p.priceCents}-${p.allowanceCredits}-${p.active}`} plan={p} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
