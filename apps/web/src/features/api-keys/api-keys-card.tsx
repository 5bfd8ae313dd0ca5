import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API_KEY_SCOPES, type ApiKeyScope } from '@megicai/contracts';
import type { CreatedApiKey } from './api-keys-api';
import { applyApiErrors } from '../../components/api-form-errors';
import { FormError } from '../../components/form-error';
import { SectionCard } from '../../components/section-card';
import { ApiKeysList } from './api-keys-list';
import { apiKeysApi, apiKeysKeys } from './api-keys-api';

interface Values {
  name: string;
  scopes: ApiKeyScope[];
  dailyCreditCap: number | string;
}

const SCOPE_LABELS: Record<ApiKeyScope, string> = {
  read: 'Read',
  run: 'Run tools',
  credits: 'Credits',
  marketplace: 'Marketplace',
};

/** Keys for third-party integrations (sent as `X-API-Key`): create one (shown once), see use and spend, revoke. */
export function ApiKeysCard() {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  return (
    <SectionCard
      id="api-keys-title"
      title="API keys"
      lead={
        <>
          A key acts as you, with the scopes you give it, in the <Code>X-API-Key</Code> header. Give a key a daily cap
          to bound what its runs may spend; your own spending limits apply too.
        </>
      }
    >
      {created ? <NewKey created={created} onDone={() => setCreated(null)} /> : null}
      <CreateKeyForm onCreated={setCreated} />
      <ApiKeysList />
    </SectionCard>
  );
}

function NewKey({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  return (
    // No Alert title: teal on its light background misses WCAG AA contrast; the heading text stays dark.
    <Alert color="teal" role="status" data-testid="new-api-key">
      <Stack gap="xs">
        <Text size="sm" fw={700}>
          Key “{created.name}” created
        </Text>
        <Text size="sm">Copy it now: it is shown only once and cannot be recovered.</Text>
        <Code block data-testid="new-api-key-value" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {created.key}
        </Code>
        <Group gap="xs">
          <CopyButton value={created.key}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy}>
                {copied ? 'Copied' : 'Copy key'}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="subtle" onClick={onDone}>
            I have stored it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { name: '', scopes: [...API_KEY_SCOPES], dailyCreditCap: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Give the key a name'),
      scopes: (v) => (v.length ? null : 'Pick at least one scope'),
    },
  });
  const create = useMutation({
    mutationFn: (v: Values) =>
      apiKeysApi.create({
        name: v.name.trim(),
        scopes: v.scopes,
        dailyCreditCap: v.dailyCreditCap === '' ? null : Number(v.dailyCreditCap),
      }),
    onSuccess: async (key) => {
      onCreated(key);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: apiKeysKeys.list });
    },
    onError: (error) => setFormError(applyApiErrors(form, error)),
  });
  return (
    <form
      noValidate
      aria-label="Create an API key"
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        create.mutate(values);
      })}
    >
      <Stack gap="sm">
        <FormError message={formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Key name" placeholder="My integration" maxLength={80} {...form.getInputProps('name')} />
          <NumberInput
            label="Daily cap"
            description="Empty: no cap of its own"
            placeholder="No cap"
            min={0}
            decimalScale={3}
            allowNegative={false}
            suffix=" credits"
            {...form.getInputProps('dailyCreditCap')}
          />
        </SimpleGrid>
        <Checkbox.Group label="Scopes" {...form.getInputProps('scopes')}>
          <Group gap="md" mt={4}>
            {API_KEY_SCOPES.map((scope) => (
              <Checkbox key={scope} value={scope} label={SCOPE_LABELS[scope]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
