import { useState } from 'react';
import { Button, Group, NumberInput, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminToolPatch } from './admin-api';
import type { ToolView } from '../tools/tools-api';
import { applyApiErrors } from '../../components/api-form-errors';
import { FormError } from '../../components/form-error';
import { adminApi, adminKeys } from './admin-api';

interface Values {
  creditCost: number;
  offerCost: number | '';
  offerEndsAt: string;
  enabled: boolean;
  premiumOnly: boolean;
  providers: string;
}

/** `datetime-local` speaks local time without a zone; the API speaks UTC instants. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function toPatch(v: Values): AdminToolPatch {
  return {
    creditCost: v.creditCost,
    enabled: v.enabled,
    premiumOnly: v.premiumOnly,
    offerCost: v.offerCost === '' ? null : v.offerCost,
    offerEndsAt: v.offerCost === '' || !v.offerEndsAt ? null : new Date(v.offerEndsAt).toISOString(),
    providers: v.providers
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  };
}

/** Edits one tool; every save is written to the audit log by the API. */
export function AdminToolForm({ tool, onDone }: { tool: ToolView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      creditCost: tool.creditCost,
      offerCost: tool.offerCost ?? '',
      offerEndsAt: toLocalInput(tool.offerEndsAt),
      enabled: tool.enabled,
      premiumOnly: tool.premiumOnly,
      providers: tool.providers.join(', '),
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) => adminApi.patchTool(tool.id, toPatch(values)),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.tools }),
        queryClient.invalidateQueries({ queryKey: ['tools'] }),
      ]);
      onDone();
    },
    onError: (error) => setFormError(applyApiErrors(form, error)),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      })}
      noValidate
    >
      <Stack gap="sm">
        <FormError message={formError} />
        <NumberInput
          label="Credits per run"
          min={0}
          max={100000}
          decimalScale={3}
          allowNegative={false}
          {...form.getInputProps('creditCost')}
        />
        <NumberInput
          label="Offer price in credits (empty: no offer)"
          min={0}
          max={100000}
          decimalScale={3}
          allowNegative={false}
          {...form.getInputProps('offerCost')}
        />
        <TextInput
          type="datetime-local"
          label="Offer ends (empty: until removed)"
          disabled={form.values.offerCost === ''}
          {...form.getInputProps('offerEndsAt')}
        />
        <TextInput
          label="Providers in the order tried (comma separated)"
          placeholder="openai, offline"
          {...form.getInputProps('providers')}
        />
        <Switch label="Enabled (listed and runnable)" {...form.getInputProps('enabled', { type: 'checkbox' })} />
        <Switch label="Premium only" {...form.getInputProps('premiumOnly', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
