import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { PromptTemplateView, RunResult } from '@megicai/contracts';
import { isApiError, problemMessage } from '../../api';
import { formatCredits } from '../../components/format-credits';
import { refreshMe } from '../auth/use-me';
import { JobOutputView } from '../jobs/job-output';
import { JobPanel } from '../jobs/job-panel';
import { InsufficientCredits, PAYMENT_CODES, type PaymentProblem } from '../tools/insufficient-credits';
import { RunBudgetWarning } from '../tools/run-budget-warning';
import { marketplaceApi, marketplaceKeys } from './marketplace-api';
import { initialValues, VariablesForm } from './variables-form';

/** The variables form and the Run button: a normal tool run with `templateId` and `variables`. */
export function RunPanel({ template, toolCost }: { template: PromptTemplateView; toolCost?: number }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => initialValues(template.variables));
  const [result, setResult] = useState<RunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [payment, setPayment] = useState<PaymentProblem | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [running, setRunning] = useState(false);

  const run = async () => {
    setRunning(true);
    setError(null);
    setPayment(null);
    setFieldErrors({});
    setResult(null);
    try {
      const variables = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
      setResult(await marketplaceApi.run(template.toolId, template.id, variables, crypto.randomUUID()));
      await Promise.all([
        refreshMe(queryClient),
        queryClient.invalidateQueries({ queryKey: marketplaceKeys.template(template.id) }),
        queryClient.invalidateQueries({ queryKey: ['credits'] }),
      ]);
    } catch (caught) {
      if (isApiError(caught) && PAYMENT_CODES.has(caught.code)) {
        setPayment({ ...(caught.problem as unknown as PaymentProblem), detail: caught.detail });
      } else if (isApiError(caught)) {
        setFieldErrors(caught.fieldErrors());
        setError(problemMessage(caught));
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
            {payment ? (
              <InsufficientCredits problem={payment} />
            ) : toolCost !== undefined ? (
              <RunBudgetWarning toolId={template.toolId} cost={toolCost} />
            ) : null}
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
        {result && 'output' in result && result.output ? (
          <Stack gap="xs" aria-live="polite" data-testid="run-result">
            <Text size="sm" c="dimmed">
              Charged {formatCredits(result.cost)}
              {result.cached ? ' (cached answer)' : ''}
            </Text>
            <JobOutputView output={result.output} />
          </Stack>
        ) : result ? (
          // Image, audio and video runs are queued: follow the job here, with a link to its page.
          <JobPanel jobId={result.jobId} showLink />
        ) : null}
      </Stack>
    </Card>
  );
}
