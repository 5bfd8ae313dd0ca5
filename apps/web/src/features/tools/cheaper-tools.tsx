import { Anchor, List, Stack, Text } from '@mantine/core';
import type { ToolAlternative } from '@megicai/contracts';
import type { ToolView } from './tools-api';
import { Link } from 'react-router';
import { formatCredits } from '../../components/format-credits';
import { currentCost } from './tool-cost';

/** Up to 3 tools of the same kind, cheaper than `tool`, that fit in `available` credits: the dearest first. */
export function cheaperTools(
  catalog: ToolView[],
  tool: Pick<ToolView, 'id' | 'kind'>,
  cost: number,
  available: number,
  premium: boolean,
): ToolAlternative[] {
  return catalog
    .filter((t) => t.id !== tool.id && t.kind === tool.kind && (premium || !t.premiumOnly))
    .map((t) => ({ toolId: t.id, name: t.name, cost: currentCost(t) }))
    .filter((t) => t.cost < cost && t.cost <= available)
    .sort((a, b) => b.cost - a.cost)
    .slice(0, 3);
}

/** The cheaper tools a 402 (or the warning before a run) offers instead. */
export function CheaperTools({ tools }: { tools: ToolAlternative[] }) {
  if (tools.length === 0) return null;
  return (
    <Stack gap={4} data-testid="cheaper-tools">
      <Text size="sm">Cheaper tools that fit:</Text>
      <List size="sm" spacing={2}>
        {tools.map((t) => (
          <List.Item key={t.toolId}>
            <Anchor component={Link} to={`/tools/${t.toolId}`} c="inherit" underline="always">
              {t.name}
            </Anchor>{' '}
            for {formatCredits(t.cost)}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
