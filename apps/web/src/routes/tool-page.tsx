import { Alert, Anchor, Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { formatCredits } from '../components/format-credits';
import { useIsPremium } from '../features/tools/use-is-premium';
import { currentCost, KIND_COLORS, KIND_LABELS } from '../features/tools/tool-cost';
import { ToolRunPanel } from '../features/tools/tool-run-panel';
import { toolKeys, toolsApi } from '../features/tools/tools-api';

/** One tool: its price and options, and the run form. */
export function ToolPage() {
  const { id = '' } = useParams();
  const tool = useQuery({ queryKey: toolKeys.tool(id), queryFn: ({ signal }) => toolsApi.get(id, signal) });
  const premium = useIsPremium();

  if (tool.isPending) return <Loader role="status" aria-label="Loading the tool" />;
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
            <Badge variant="outline">{formatCredits(cost)}</Badge>
            {cost < t.creditCost ? (
              <Badge color="red.9">
                Offer{t.offerEndsAt ? ` until ${new Date(t.offerEndsAt).toLocaleDateString()}` : ''}
              </Badge>
            ) : null}
          </Group>
        }
      />
      <Stack>
        {locked ? (
          <Alert color="blue" title="Premium only" role="status">
            <Text size="sm">This tool is for premium members.</Text>
          </Alert>
        ) : null}
        <ToolRunPanel key={t.id} tool={t} locked={locked} />
      </Stack>
    </>
  );
}
