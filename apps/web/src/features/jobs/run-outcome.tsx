import { Card, Stack, Text } from '@mantine/core';
import type { JobView } from './jobs-api';
import { formatCredits } from '../../components/format-credits';
import { JobOutputView } from './job-output';
import { JobPanel } from './job-panel';
import { MarkdownOutput } from './markdown-output';
import type { RunOutcome } from './use-run-tool';

/** What `useRunTool()` produced: the streaming answer, the finished text job, or the queued job followed live. */
export function RunOutcomeView({ outcome }: { outcome: RunOutcome | null }) {
  if (outcome?.kind === 'streaming') {
    return (
      <Card withBorder padding="lg" aria-live="polite" aria-busy="true" data-testid="stream-output">
        <MarkdownOutput text={outcome.text || '…'} />
      </Card>
    );
  }
  if (outcome?.kind === 'text') return <TextResult job={outcome.job} />;
  if (outcome?.kind === 'queued') return <JobPanel jobId={outcome.jobId} showLink />;
  return null;
}

function TextResult({ job }: { job: JobView }) {
  return (
    <Card withBorder padding="lg" aria-live="polite" data-testid="text-result">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {job.cached ? 'Cached answer, free' : `Charged ${formatCredits(job.cost)}`}
          {job.provider ? ` · ${job.provider}${job.model ? ` / ${job.model}` : ''}` : ''}
        </Text>
        {job.output ? <JobOutputView output={job.output} /> : null}
      </Stack>
    </Card>
  );
}
