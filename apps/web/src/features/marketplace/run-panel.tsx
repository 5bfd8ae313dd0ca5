import { useState } from 'react';
import { Alert, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { PromptTemplateView } from './marketplace-api';
import { Link, useLocation } from 'react-router';
import { formatCredits } from '../../components/format-credits';
import { useAuth } from '../auth/use-auth';
import { RunOutcomeView } from '../jobs/run-outcome';
import { useRunTool } from '../jobs/use-run-tool';
import { InsufficientCredits } from '../tools/insufficient-credits';
import { RunBudgetWarning } from '../tools/run-budget-warning';
import { checkVariables, initialValues, VariablesForm } from './variables-form';

/**
 * The variables form and the Run button: a normal tool run with `templateId` and `variables`. The values are
 * checked here first, so a missing choice is one sentence under its field, not a round trip. Anonymous visitors
 * read the template and are asked to sign in to run it.
 */
export function RunPanel({
  template,
  toolCost,
  initial,
}: {
  template: PromptTemplateView;
  toolCost?: number;
  /** Values of an earlier run ("Run again"). */
  initial?: Record<string, string>;
}) {
  const { status } = useAuth();
  const location = useLocation();
  const runner = useRunTool(template.toolId, template.toolKind);
  const [values, setValues] = useState(() => ({ ...initialValues(template.variables), ...initial }));
  const [checked, setChecked] = useState<Record<string, string>>({});
  const fieldErrors = { ...runner.fieldErrors, ...checked };

  const run = () => {
    const problems = checkVariables(template.variables, values);
    setChecked(problems);
    if (Object.keys(problems).length) return;
    const variables = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    void runner.run({ input: { prompt: '' }, templateId: template.id, variables });
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
            run();
          }}
          aria-label="Template variables"
          noValidate
        >
          <Stack>
            <VariablesForm variables={template.variables} values={values} onChange={setValues} errors={fieldErrors} />
            {runner.payment ? (
              <InsufficientCredits problem={runner.payment} />
            ) : toolCost !== undefined && status === 'authenticated' ? (
              <RunBudgetWarning toolId={template.toolId} cost={toolCost} />
            ) : null}
            {/* Field problems are shown under their inputs: the alert only carries what no field explains. */}
            {runner.error && Object.keys(runner.fieldErrors).length === 0 ? (
              <Alert color="red" role="alert" title="Could not run">
                {runner.error}
              </Alert>
            ) : null}
            <Group>
              {status === 'anonymous' ? (
                <Button component={Link} to={`/login?next=${encodeURIComponent(location.pathname)}`}>
                  Sign in to run
                </Button>
              ) : (
                <Button type="submit" loading={runner.running}>
                  Run
                </Button>
              )}
              {toolCost !== undefined ? (
                <Text size="sm" c="dimmed">
                  Costs {formatCredits(toolCost)}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </form>
        <Box data-testid="run-result">
          <RunOutcomeView outcome={runner.outcome} />
        </Box>
      </Stack>
    </Card>
  );
}
