import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobOutput, JobView, PromptTemplateView, RunResult } from '@megicai/contracts';
import { isApiError } from '../../api';
import { formatCredits } from '../../components/format-credits';
import { refreshMe } from '../auth/use-me';
import { marketplaceApi, marketplaceKeys } from './marketplace-api';
import { initialValues, VariablesForm } from './variables-form';

const FINISHED = new Set(['succeeded', 'failed', 'canceled']);

function Output({ output }: { output: JobOutput }) {
  if ('text' in output) {
    return (
      <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="run-output">
        {output.text}
      </Text>
    );
  }
  return (
    <Stack gap={4} data-testid="run-output">
      {output.assets.map((asset, i) => (
        <Anchor key={asset.url} href={asset.url} target="_blank" rel="noreferrer">
          Result {i + 1} ({asset.mimeType})
        </Anchor>
      ))}
    </Stack>
  );
}

/** A queued (image, audio, video) run: polls the job until it finishes. */
function QueuedJob({ jobId }: { jobId: string }) {
  const job = useQuery<JobView>({
    queryKey: ['jobs', jobId],
    queryFn: ({ signal }) => marketplaceApi.job(jobId, signal),
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.status) ? false : 1000),
  });
  if (!job.data) return <Loader size="sm" aria-label="Waiting for the job" />;
  const { status, output, error, progress } = job.data;
  if (status === 'succeeded' && output) return <Output output={output} />;
  if (status === 'failed' || status === 'canceled') {
    return (
      <Alert color="red" role="alert" title={`The run ${status}`}>
        {error ?? 'Your credits were refunded.'}
      </Alert>
    );
  }
  return (
    <Group gap="xs" role="status">
      <Loader size="sm" />
      <Text size="sm">
        {status === 'queued' ? 'Queued…' : `Running… ${progress}%`} (job {jobId.slice(0, 8)})
      </Text>
    </Group>
  );
}

/** The variables form and the Run button: a normal tool run with `templateId` and `variables`. */
export function RunPanel({ template, toolCost }: { template: PromptTemplateView; toolCost?: number }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => initialValues(template.variables));
  const [result, setResult] = useState<RunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [running, setRunning] = useState(false);

  const run = async () => {
    setRunning(true);
    setError(null);
    setFieldErrors({});
    setResult(null);
    try {
      const variables = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
      setResult(await marketplaceApi.run(template.toolId, template.id, variables, crypto.randomUUID()));
      await Promise.all([refreshMe(queryClient), queryClient.invalidateQueries({ queryKey: marketplaceKeys.template(template.id) })]);
    } catch (caught) {
      if (isApiError(caught)) {
        setFieldErrors(caught.fieldErrors());
        const needed = caught.status === 402 ? (caught.problem as { needed?: number }).needed : undefined;
        setError(needed !== undefined ? `${caught.detail} (needed: ${formatCredits(needed)})` : caught.detail || caught.title);
      } else {
        setError('Something went wrong. Please try again.');
      }
    } finally {
      setRunning(false);
    }
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="run-title">
      <Stack>
        <Title order={2} size="h3" id="run-title">
          Run this template
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run();
          }}
          aria-label="Template variables"
        >
          <Stack>
            <VariablesForm variables={template.variables} values={values} onChange={setValues} errors={fieldErrors} />
            {error ? (
              <Alert color="red" role="alert" title="Could not run">
                {error}
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" loading={running}>
                Run
              </Button>
              {toolCost !== undefined ? (
                <Text size="sm" c="dimmed">
                  Costs {formatCredits(toolCost)}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </form>
        {result ? (
          <Stack gap="xs" aria-live="polite">
            <Text size="sm" c="dimmed">
              Charged {formatCredits(result.cost)}
              {result.cached ? ' (cached answer)' : ''}
            </Text>
            {'output' in result && result.output ? <Output output={result.output} /> : <QueuedJob jobId={result.jobId} />}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
