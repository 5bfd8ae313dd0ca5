import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ToolView } from './tools-api';
import { formatCredits } from '../../components/format-credits';
import { RunOutcomeView } from '../jobs/run-outcome';
import { useRunTool } from '../jobs/use-run-tool';
import { InsufficientCredits } from './insufficient-credits';
import { RunBudgetWarning } from './run-budget-warning';
import { currentCost } from './tool-cost';
import { defaultOptions, PromptField, ToolOptionsForm, type OptionValues } from './tool-options-form';
import { useProviders } from './use-tools-catalog';

/** The prompt, the options from the schema, provider and model pickers, the price, and the answer. */
export function ToolRunPanel({
  tool,
  locked,
  initial,
}: {
  tool: ToolView;
  locked: boolean;
  /** The input of an earlier run ("Run again"): the prompt and options start from it. */
  initial?: Record<string, unknown>;
}) {
  const providers = useProviders();
  const [prompt, setPrompt] = useState(() => (typeof initial?.prompt === 'string' ? initial.prompt : ''));
  const [options, setOptions] = useState<OptionValues>(() => {
    const { prompt: _prompt, ...rest } = initial ?? {};
    return { ...defaultOptions(tool.inputSchema), ...rest };
  });
  const [provider, setProvider] = useState<string | null>(null);
  const [model, setModel] = useState<string | null>(null);
  const [fresh, setFresh] = useState(false);
  const runner = useRunTool(tool.id, tool.kind);
  const { running, error, payment, fieldErrors } = runner;
  const cost = currentCost(tool);

  const usable = useMemo(
    () => (providers.data ?? []).filter((p) => p.available && p.kinds.includes(tool.kind)),
    [providers.data, tool.kind],
  );
  const models = useMemo(() => {
    const chosen = usable.filter((p) => !provider || p.id === provider);
    return [...new Set(chosen.flatMap((p) => p.models.filter((m) => m.kind === tool.kind).map((m) => m.id)))];
  }, [usable, provider, tool.kind]);

  const run = () =>
    runner.run({
      input: { ...options, prompt },
      ...(provider ? { provider } : {}),
      ...(model ? { model } : {}),
      ...(fresh ? { cache: false } : {}),
    });

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
      <RunOutcomeView outcome={runner.outcome} />
    </Stack>
  );
}
