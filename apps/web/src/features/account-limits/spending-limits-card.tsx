import { useState } from 'react';
import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SpendLimitsUpdate, SpendLimitsView } from './limits-api';
import { applyApiErrors } from '../../components/api-form-errors';
import { FormError } from '../../components/form-error';
import { formatCredits } from '../../components/format-credits';
import { QueryFallback } from '../../components/query-fallback';
import { SectionCard } from '../../components/section-card';
import { limitsApi, limitsKeys, useSpendLimits } from './limits-api';

/** An empty input means "no cap": the API takes null for that. NumberInput may hold a string while typing. */
type Amount = number | string;
interface Values {
  dailyCreditCap: Amount;
  monthlyCreditCap: Amount;
  lowBalanceAlert: Amount;
}

const toInput = (value: number | null): Amount => (value === null ? '' : value);
const toApi = (value: Amount): number | null => (value === '' ? null : Number(value));
const AMOUNT = { min: 0, decimalScale: 3, allowNegative: false, suffix: ' credits', placeholder: 'No cap' } as const;

function valuesOf(limits: SpendLimitsView): Values {
  return {
    dailyCreditCap: toInput(limits.dailyCreditCap),
    monthlyCreditCap: toInput(limits.monthlyCreditCap),
    lowBalanceAlert: toInput(limits.lowBalanceAlert),
  };
}

/** Daily and monthly caps on what runs may spend, and the low-balance alert level (Account page). */
export function SpendingLimitsCard() {
  const limits = useSpendLimits();
  return (
    <SectionCard
      id="limits-title"
      title="Spending limits"
      lead="Caps on what your runs may spend, by you or by your API keys. A run that would pass a cap is refused before anything is charged. Days and months are counted in UTC."
    >
      {limits.data ? (
        <LimitsForm limits={limits.data} />
      ) : (
        <QueryFallback query={limits} label="Loading spending limits" />
      )}
    </SectionCard>
  );
}

function LimitsForm({ limits }: { limits: SpendLimitsView }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({ initialValues: valuesOf(limits) });
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body: SpendLimitsUpdate = {
        dailyCreditCap: toApi(values.dailyCreditCap),
        monthlyCreditCap: toApi(values.monthlyCreditCap),
        lowBalanceAlert: toApi(values.lowBalanceAlert),
      };
      return limitsApi.set(body);
    },
    onSuccess: (data) => {
      queryClient.setQueryData(limitsKeys.limits, data);
      setSaved(true);
    },
    onError: (error) => {
      setSaved(false);
      setFormError(applyApiErrors(form, error));
    },
  });

  return (
    <form
      noValidate
      aria-label="Spending limits"
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        setSaved(false);
        save.mutate(values);
      })}
    >
      <Stack gap="sm">
        <FormError message={formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Text size="sm" data-testid="spent-today">
            Spent today: <strong>{formatCredits(limits.spentToday)}</strong>
            {limits.dailyCreditCap !== null ? ` of ${formatCredits(limits.dailyCreditCap)}` : ''}
          </Text>
          <Text size="sm" data-testid="spent-this-month">
            Spent this month: <strong>{formatCredits(limits.spentThisMonth)}</strong>
            {limits.monthlyCreditCap !== null ? ` of ${formatCredits(limits.monthlyCreditCap)}` : ''}
          </Text>
        </SimpleGrid>
        {limits.lowBalance ? (
          <Alert color="yellow" role="status" data-testid="low-balance">
            Your balance ({formatCredits(limits.balance)}) is below your alert level.
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label="Daily cap"
            description="Empty: no cap"
            {...AMOUNT}
            {...form.getInputProps('dailyCreditCap')}
          />
          <NumberInput
            label="Monthly cap"
            description="Empty: no cap"
            {...AMOUNT}
            {...form.getInputProps('monthlyCreditCap')}
          />
          <NumberInput
            label="Low-balance alert"
            description="Warn below this balance"
            {...AMOUNT}
            placeholder="No alert"
            {...form.getInputProps('lowBalanceAlert')}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          {saved ? (
            <Text size="sm" c="teal.8" role="status">
              Limits saved.
            </Text>
          ) : null}
          <Button type="submit" loading={save.isPending}>
            Save limits
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
