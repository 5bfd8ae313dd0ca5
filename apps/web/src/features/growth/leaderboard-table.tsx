import { Badge, Text } from '@mantine/core';
import type { LeaderboardBoard, LeaderboardPeriod } from '@megicai/contracts';
import { useQuery } from '@tanstack/react-query';
import { DataTable, type DataColumn } from '../../components/data-table';
import { formatCredits } from '../../components/format-credits';
import { useMe } from '../auth/use-me';
import { growthApi, growthKeys, type LeaderboardView } from './growth-api';
import { QueryFallback } from '../../components/query-fallback';

type LeaderboardEntry = LeaderboardView['entries'][number];

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
  const columns: DataColumn<LeaderboardEntry>[] = [
    {
      key: 'rank',
      label: 'Rank',
      cell: (entry) => (
        <Text span ff="monospace" size="sm">
          {entry.rank}
        </Text>
      ),
    },
    {
      key: 'member',
      label: 'Member',
      cell: (entry) => (
        <>
          <Text span size="sm" fw={entry.userId === me?.id ? 700 : undefined}>
            {entry.displayName}
          </Text>
          {entry.userId === me?.id ? (
            <Badge ml="xs" size="sm" variant="light">
              You
            </Badge>
          ) : null}
        </>
      ),
    },
    {
      key: 'value',
      label: VALUE_LABEL[board],
      numeric: true,
      cell: (entry) => (
        <Text span ff="monospace" size="sm">
          {board === 'creators' ? formatCredits(entry.value) : entry.value}
        </Text>
      ),
    },
  ];
  return (
    <div data-testid="leaderboard-table">
      <DataTable
        rows={view.data.entries}
        columns={columns}
        rowKey={(entry) => entry.userId}
        caption="Leaderboard"
        labelledBy={labelledBy}
        rowTestId="leaderboard-row"
        rowData={(entry) => (entry.userId === me?.id ? { 'aria-current': 'true' } : {})}
        minWidth={360}
      />
    </div>
  );
}
