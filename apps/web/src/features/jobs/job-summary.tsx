import { Anchor, Button, Group, Image, Stack, Text } from '@mantine/core';
import type { JobView } from './jobs-api';
import { Link } from 'react-router';
import { formatCredits } from '../../components/format-credits';

/** Where "Run again" goes: the template (or tool) page, which reads `?rerun=` and refills the form from that job. */
export function rerunPath(job: Pick<JobView, 'id' | 'toolId' | 'template'>): string {
  const page = job.template ? `/marketplace/${job.template.id}` : `/tools/${job.toolId}`;
  return `${page}?rerun=${job.id}`;
}

/** What was asked: the template's title and its variables, or the prompt. */
export function JobAsked({ job, lines }: { job: JobView; lines?: number }) {
  if (job.template) {
    const values = Object.entries(job.template.variables)
      .map(([name, value]) => `${name}: ${value}`)
      .join(' · ');
    return (
      <Stack gap={0} data-testid="job-prompt">
        <Text size="sm" fw={600} lineClamp={1}>
          Template: {job.template.title}
        </Text>
        {values ? (
          <Text size="sm" c="dimmed" lineClamp={lines}>
            {values}
          </Text>
        ) : null}
      </Stack>
    );
  }
  return (
    <Text
      size="sm"
      lineClamp={lines}
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      data-testid="job-prompt"
    >
      {job.prompt}
    </Text>
  );
}

/** A glance at the result: a thumbnail for an image, the first line of a text, or the status when there is none. */
export function JobPreview({ job }: { job: JobView }) {
  const output = job.output;
  if (!output)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  if (output.text !== undefined) {
    const first = output.text.split('\n').find((line) => line.trim() !== '') ?? '';
    return (
      <Text size="sm" lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
        {first.replace(/^[#>*\-\s]+/, '')}
      </Text>
    );
  }
  const assets = output.assets ?? [];
  const image = assets.find((a) => a.mimeType.startsWith('image/'));
  if (image) return <Image src={image.url} alt="Result thumbnail" w={48} h={48} radius="sm" fit="cover" />;
  return <Text size="sm">{assets[0]?.mimeType.split('/')[0] ?? '—'}</Text>;
}

export function JobCost({ job }: { job: JobView }) {
  if (job.cached) return <>free (cached)</>;
  if (job.status === 'failed' || job.status === 'canceled') return <>{formatCredits(job.cost)} refunded</>;
  return <>{formatCredits(job.cost)}</>;
}

/** "Run again" and, where useful, a link to the job page. */
export function JobActions({ job, open = true }: { job: JobView; open?: boolean }) {
  const short = job.id.slice(0, 8);
  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      {open ? (
        <Anchor component={Link} to={`/jobs/${job.id}`} size="sm" aria-label={`Open job ${short}`}>
          Open
        </Anchor>
      ) : null}
      <Button
        component={Link}
        to={rerunPath(job)}
        size="compact-sm"
        variant="light"
        aria-label={`Run job ${short} again`}
      >
        Run again
      </Button>
    </Group>
  );
}
