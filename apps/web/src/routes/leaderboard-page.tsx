import { Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import {
  LEADERBOARD_BOARDS,
  LEADERBOARD_PERIODS,
  type LeaderboardBoard,
  type LeaderboardPeriod,
} from '@megicai/contracts';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { LeaderboardTable } from '../features/growth/leaderboard-table';

const PERIOD_LABELS: Record<LeaderboardPeriod, string> = { week: 'This week', month: 'This month', all: 'All time' };
const BOARD_LABELS: Record<LeaderboardBoard, string> = { referrers: 'Top referrers', creators: 'Top creators' };
const BOARD_HELP: Record<LeaderboardBoard, string> = {
  referrers: 'Friends who registered with the referral link in the period.',
  creators: 'Credits earned from marketplace templates in the period.',
};

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Top referrers and creators; the board and period live in the URL so a view can be shared. */
export function LeaderboardPage() {
  const [params, setParams] = useSearchParams();
  const board = pick(params.get('board'), LEADERBOARD_BOARDS, 'referrers');
  const period = pick(params.get('period'), LEADERBOARD_PERIODS, 'week');
  const set = (key: 'board' | 'period', value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  return (
    <Stack gap="lg">
      <PageHeader title="Leaderboard" lead="Who brought the most friends, and whose templates earned the most." />
      <Group gap="md" wrap="wrap">
        <SegmentedControl
          aria-label="Board"
          value={board}
          onChange={(v) => set('board', v)}
          data={LEADERBOARD_BOARDS.map((b) => ({ value: b, label: BOARD_LABELS[b] }))}
        />
        <SegmentedControl
          aria-label="Period"
          value={period}
          onChange={(v) => set('period', v)}
          data={LEADERBOARD_PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }))}
        />
      </Group>
      <Card withBorder radius="md" padding="md">
        <Title order={2} size="h3" id="leaderboard-title">
          {BOARD_LABELS[board]} · {PERIOD_LABELS[period].toLowerCase()}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {BOARD_HELP[board]}
        </Text>
        <LeaderboardTable board={board} period={period} labelledBy="leaderboard-title" />
      </Card>
    </Stack>
  );
}
