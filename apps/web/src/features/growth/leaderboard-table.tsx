import { Badge, Table, Text } from '@mantine/core';
import type { LeaderboardBoard, LeaderboardPeriod } from '@megicai/contracts';
import { useQuery } from '@tanstack/react-query';
import { formatCredits } from '../../components/format-credits';
import { useMe } from '../auth/use-me';
import { growthApi, growthKeys } from './growth-api';
import { QueryFallback } from '../../components/query-fallback';

const VALUE_LABEL: Record<LeaderboardBoard, string> = { referrers: 'Friends invited', creators: 'Earned' };

/** One board as a ranked table; the caller's own row is marked. */
export function LeaderboardTable({
  board,
  period,
  labelledBy,
}: {
  board: LeaderboardBoard;
  period: LeaderboardPeriod;
  labelledBy: string;
}) {
  const me = useMe().data;
  const view = useQuery({
    queryKey: growthKeys.leaderboard(board, period),
    queryFn: ({ signal }) => growthApi.leaderboard(board, period, signal),
  });
  if (!view.isSuccess) return <QueryFallback query={view} label="Loading the leaderboard" />;
  if (view.data.entries.length === 0) return <Text c="dimmed">Nobody on this board yet. Be the first!</Text>;
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped aria-labelledby={labelledBy} data-testid="leaderboard-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={80}>
              Rank
            </Table.Th>
            <Table.Th scope="col">Member</Table.Th>
            <Table.Th scope="col" ta="right">
              {VALUE_LABEL[board]}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.data.entries.map((entry) => {
            const mine = entry.userId === me?.id;
            return (
              <Table.Tr
                key={entry.userId}
                data-testid="leaderboard-row"
                aria-current={mine ? 'true' : undefined}
                fw={mine ? 700 : undefined}
              >
                <Table.Td ff="monospace">{entry.rank}</Table.Td>
                <Table.Td>
                  {entry.displayName}
                  {mine ? (
                    <Badge ml="xs" size="sm" variant="light">
                      You
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {board === 'creators' ? formatCredits(entry.value) : entry.value}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
