import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { JobView, RunToolRequest, ToolView } from '@megicai/contracts';
import { isApiError, problemMessage } from '../../api';
import { formatCredits } from '../../components/format-credits';
import { refreshMe } from '../auth/use-me';
import { JobOutputView } from '../jobs/job-output';
import { JobPanel } from '../jobs/job-panel';
import { MarkdownOutput } from '../jobs/markdown-output';
import { InsufficientCredits, PAYMENT_CODES, type PaymentProblem } from './insufficient-credits';
import { RunBudgetWarning } from './run-budget-warning';
import { currentCost } from './tool-cost';
import { defaultOptions, PromptField, ToolOptionsForm, type OptionValues } from './tool-options-form';
import { streamRun, toolKeys, toolsApi } from './tools-api';
import { useProviders } from './use-tools-catalog';

type Outcome = { kind: 'streaming'; text: string } | { kind: 'text'; job: JobView } | { kind: 'queued'; jobId: string };

/** The prompt, the options from the schema, provider and model pickers, the price, and the answer. */
export function ToolRunPanel({ tool, locked }: { tool: ToolView; locked: boolean }) {
  const queryClient = useQueryClient();
  const providers = useProviders();
  const [prompt, setPrompt] = useState('');
  const [options, setOptions] = useState<OptionValues>(() => defaultOptions(tool.inputSchema));
  const [provider, setProvider] = useState<string | null>(null);
  const [model, setModel] = useState<string | null>(null);
  const [fresh, setFresh] = useState(false);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [payment, setPayment] = useState<PaymentProblem | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const cost = currentCost(tool);

  const usable = useMemo(
    () => (providers.data ?? []).filter((p) => p.available && p.kinds.includes(tool.kind)),
    [providers.data, tool.kind],
  );
  const models = useMemo(() => {
    const chosen = usable.filter((p) => !provider || p.id === provider);
    return [...new Set(chosen.flatMap((p) => p.models.filter((m) => m.kind === tool.kind).map((m) => m.id)))];
  }, [usable, provider, tool.kind]);

  const run = async () => {
    setRunning(true);
    setError(null);
    setPayment(null);
    setFieldErrors({});
    setOutcome(null);
    const body: RunToolRequest = {
      input: { ...options, prompt },
      ...(provider ? { provider } : {}),
      ...(model ? { model } : {}),
      ...(fresh ? { cache: false } : {}),
    };
    const key = crypto.randomUUID();
    try {
      if (tool.kind === 'text') {
        let text = '';
        setOutcome({ kind: 'streaming', text });
        const job = await streamRun(tool.id, body, key, (token) => {
          text += token;
          setOutcome({ kind: 'streaming', text });
        });
        setOutcome({ kind: 'text', job });
      } else {
        const result = await toolsApi.run(tool.id, body, key);
        setOutcome({ kind: 'queued', jobId: result.jobId });
      }
    } catch (caught) {
      setOutcome(null);
      if (isApiError(caught)) {
        if (PAYMENT_CODES.has(caught.code))
          setPayment({ ...(caught.problem as PaymentProblem), detail: caught.detail });
        else {
          setFieldErrors(caught.fieldErrors());
          setError(problemMessage(caught));
        }
      } else {
        setError(caught instanceof Error ? caught.message : 'Something went wrong. Please try again.');
      }
    } finally {
      setRunning(false);
      await Promise.all([
        refreshMe(queryClient),
        queryClient.invalidateQueries({ queryKey: toolKeys.jobs }),
        // The spend against the caps (`/me/limits`) lives under `credits`.
        queryClient.invalidateQueries({ queryKey: ['credits'] }),
      ]);
    }
  };

  return (
    <Stack>
      <Card withBorder padding="lg" component="section" aria-labelledby="run-title">
        <form
          aria-labelledby="run-title"
          onSubmit={(event) => {
            event.preventDefault();
            void run();
          }}
        >
          <Stack>
            <Title order={2} size="h3" id="run-title">
              Run {tool.name}
            </Title>
            <PromptField
              schema={tool.inputSchema}
              value={prompt}
              onChange={setPrompt}
              error={fieldErrors['input.prompt']}
              disabled={locked}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <ToolOptionsForm
                schema={tool.inputSchema}
                values={options}
                onChange={setOptions}
                errors={fieldErrors}
                disabled={locked}
              />
              <Select
                label="Provider"
                placeholder="Automatic (best available)"
                clearable
                data={usable.map((p) => ({ value: p.id, label: `${p.name}${p.healthy ? '' : ' (unhealthy)'}` }))}
                value={provider}
                onChange={(value) => {
                  setProvider(value);
                  setModel(null);
                }}
                error={fieldErrors.provider}
                disabled={locked}
              />
              <Select
                label="Model"
                placeholder="Provider default"
                clearable
                data={models}
                value={model}
                onChange={setModel}
                error={fieldErrors.model}
                disabled={locked}
              />
            </SimpleGrid>
            <Checkbox
              label="Fresh answer (skip the cache; charged)"
              checked={fresh}
              onChange={(event) => setFresh(event.currentTarget.checked)}
              disabled={locked}
            />
            {error ? (
              <Alert color="red" role="alert" title="Could not run">
                {error}
              </Alert>
            ) : null}
            {payment ? <InsufficientCredits problem={payment} /> : <RunBudgetWarning toolId={tool.id} cost={cost} />}
            <Group justify="space-between" align="center">
              <Text size="sm" c="dimmed" data-testid="run-cost">
                Costs {formatCredits(cost)} per run. Cache hits are free: asking the same thing again costs nothing.
              </Text>
              <Button type="submit" loading={running} disabled={locked || prompt.trim() === ''}>
                Run for {formatCredits(cost)}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {outcome?.kind === 'streaming' ? (
        <Card withBorder padding="lg" aria-live="polite" aria-busy="true" data-testid="stream-output">
          <MarkdownOutput text={outcome.text || '…'} />
        </Card>
      ) : null}
      {outcome?.kind === 'text' ? <TextResult job={outcome.job} /> : null}
      {outcome?.kind === 'queued' ? <JobPanel jobId={outcome.jobId} showLink /> : null}
    </Stack>
  );
}

function TextResult({ job }: { job: JobView }) {
  return (
    <Card withBorder padding="lg" aria-live="polite" data-testid="text-result">
      <Stack gap="sm">
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {job.cached ? 'Cached answer, free' : `Charged ${formatCredits(job.cost)}`}
            {job.provider ? ` · ${job.provider}${job.model ? ` / ${job.model}` : ''}` : ''}
          </Text>
        </Group>
        {job.output ? <JobOutputView output={job.output} /> : null}
      </Stack>
    </Card>
  );
}
