import { Alert, Anchor, Badge, Button, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { useMe } from '../features/auth/use-me';
import { marketplaceApi, marketplaceKeys } from '../features/marketplace/marketplace-api';
import { RatingSection } from '../features/marketplace/rating-section';
import { ReportButton } from '../features/marketplace/report-button';
import { RunPanel } from '../features/marketplace/run-panel';
import { useTools } from '../features/marketplace/use-tools';
import { useRerun } from '../features/jobs/use-rerun';
import { currentCost } from '../features/tools/tool-cost';

/** One template: what it does, its rating and reviews, and a form to run it. */
export function PromptTemplatePage() {
  const { id = '' } = useParams();
  const me = useMe();
  const tools = useTools();
  const template = useQuery({
    queryKey: marketplaceKeys.template(id),
    queryFn: ({ signal }) => marketplaceApi.get(id, signal),
    retry: false,
  });
  const rerun = useRerun();

  if (template.isPending || !rerun.ready) return <Loader role="status" aria-label="Loading the template" />;
  if (template.isError) {
    return (
      <>
        <PageHeader title="Template not found" />
        <Alert color="red" role="alert">
          {template.error.message}{' '}
          <Anchor component={Link} to="/marketplace">
            Back to the marketplace
          </Anchor>
        </Alert>
      </>
    );
  }
  const t = template.data;
  const tool = tools.data?.find((x) => x.id === t.toolId);
  const mine = me.data?.id === t.creator.id;
  return (
    <>
      <PageHeader
        title={t.title}
        lead={
          <>
            For {tool?.name ?? t.toolKind} · by {t.creator.displayName} · {t.uses} {t.uses === 1 ? 'run' : 'runs'}
          </>
        }
        actions={
          mine ? (
            <Button component={Link} to={`/marketplace/mine/${t.id}/edit`} variant="light">
              Edit
            </Button>
          ) : me.data && t.status === 'published' ? (
            <ReportButton templateId={t.id} />
          ) : undefined
        }
      />
      <Stack gap="lg">
        {t.status !== 'published' ? (
          <Alert color="yellow" title={t.status === 'draft' ? 'Draft' : 'Hidden by moderation'}>
            Only you can see this template.
          </Alert>
        ) : null}
        <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="template-description">
          {t.description}
        </Text>
        {t.tags.length ? (
          <Group gap={4}>
            {t.tags.map((tag) => (
              <Badge key={tag} variant="default">
                {tag}
              </Badge>
            ))}
          </Group>
        ) : null}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <RunPanel
            key={rerun.job?.id ?? 'new'}
            template={t}
            toolCost={tool ? currentCost(tool) : undefined}
            initial={rerun.job?.template?.id === t.id ? rerun.job.template.variables : undefined}
          />
          <RatingSection template={t} canRate={!mine && t.status === 'published'} />
        </SimpleGrid>
      </Stack>
    </>
  );
}
