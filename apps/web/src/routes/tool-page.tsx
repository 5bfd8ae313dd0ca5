import { Alert, Anchor, Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { useIsPremium } from '../features/tools/use-is-premium';
import { currentCost, KIND_COLORS, KIND_LABELS } from '../features/tools/tool-cost';
import { useRerun } from '../features/jobs/use-rerun';
import { OfferPrice } from '../features/tools/offer-price';
import { ToolRunPanel } from '../features/tools/tool-run-panel';
import { toolKeys, toolsApi } from '../features/tools/tools-api';

/** One tool: its price and options, and the run form. */
export function ToolPage() {
  const { id = '' } = useParams();
  const tool = useQuery({ queryKey: toolKeys.tool(id), queryFn: ({ signal }) => toolsApi.get(id, signal) });
  const premium = useIsPremium();
  const rerun = useRerun();

  if (tool.isPending || !rerun.ready) return <Loader role="status" aria-label="Loading the tool" />;
  if (tool.isError) {
    return (
      <Alert color="red" role="alert" title="Tool not found">
        {tool.error.message}{' '}
        <Anchor component={Link} to="/tools">
          Back to the tools
        </Anchor>
      </Alert>
    );
  }
  const t = tool.data;
  const cost = currentCost(t);
  const locked = t.premiumOnly && !premium;
  return (
    <>
      <PageHeader
        title={t.name}
        lead={t.description}
        actions={
          <Group gap="xs">
            <Badge color={KIND_COLORS[t.kind]} variant="filled">
              {KIND_LABELS[t.kind]}
            </Badge>
            {cost < t.creditCost ? <Badge color="red.9">Offer</Badge> : null}
            <Text size="sm" fw={600} data-testid="tool-price">
              <OfferPrice tool={t} />
            </Text>
          </Group>
        }
      />
      <Stack>
        {locked ? (
          <Alert color="blue" title="Premium only" role="status">
            <Text size="sm">
              This tool is for premium members.{' '}
              <Anchor component={Link} to="/premium">
                Go Premium
              </Anchor>{' '}
              to run it.
            </Text>
          </Alert>
        ) : null}
        <ToolRunPanel
          key={`${t.id}-${rerun.job?.id ?? ''}`}
          tool={t}
          locked={locked}
          initial={rerun.job?.toolId === t.id && !rerun.job.template ? rerun.job.input : undefined}
        />
      </Stack>
    </>
  );
}
