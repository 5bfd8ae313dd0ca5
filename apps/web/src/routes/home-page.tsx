import type { ReactNode } from 'react';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ToolKind } from '@megicai/contracts';
import { AudioIcon, CoinIcon, ImageIcon, TextIcon, VideoIcon } from '../components/icons';
import { usePageTitle } from '../components/use-page-title';
import { useAuth } from '../features/auth/use-auth';

const TOOL_KIND_CARDS: { kind: ToolKind; title: string; text: string; icon: ReactNode }[] = [
  {
    kind: ToolKind.Text,
    title: 'Text',
    text: 'Write, summarise, translate and chat. Answers stream in.',
    icon: <TextIcon />,
  },
  { kind: ToolKind.Image, title: 'Images', text: 'Generate and edit pictures from a prompt.', icon: <ImageIcon /> },
  { kind: ToolKind.Audio, title: 'Audio', text: 'Turn text into speech and speech into text.', icon: <AudioIcon /> },
  { kind: ToolKind.Video, title: 'Video', text: 'Short clips from a prompt or an image.', icon: <VideoIcon /> },
];

const EARN_WAYS = [
  { title: 'Watch an ad', text: 'A short text, image or video ad pays 5 to 15 credits.' },
  { title: 'Daily reward', text: 'Claim free credits once a day and keep your streak.' },
  { title: 'Invite friends', text: 'You both get a bonus when they watch their first ad.' },
];

export function HomePage() {
  usePageTitle('');
  const { status, user } = useAuth();
  const signedIn = status === 'authenticated';

  return (
    <Stack gap="xl">
      <Stack gap="sm" maw={720}>
        <Title order={1}>{signedIn ? `Hello, ${user?.displayName || user?.email}` : 'Welcome to MegicAI'}</Title>
        <Text size="lg">
          One place for AI tools that write, draw, speak and film. Pay with credits that you earn by watching a short
          ad, or go premium and skip the ads.
        </Text>
        <Group mt="sm">
          {signedIn ? (
            <>
              <Button component={Link} to="/tools" size="md">
                Browse tools
              </Button>
              <Button component={Link} to="/credits" size="md" variant="default">
                Earn credits
              </Button>
            </>
          ) : (
            <>
              <Button component={Link} to="/register" size="md">
                Create a free account
              </Button>
              <Button component={Link} to="/login" size="md" variant="default">
                Log in
              </Button>
            </>
          )}
        </Group>
      </Stack>

      <section aria-labelledby="tool-kinds">
        <Title order={2} id="tool-kinds" mb="md">
          Tools for every medium
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          {TOOL_KIND_CARDS.map((card) => (
            <Card key={card.kind} withBorder padding="lg">
              <Stack gap="xs" h="100%">
                <ThemeIcon variant="light" size="xl" radius="md">
                  {card.icon}
                </ThemeIcon>
                <Title order={3} size="h4">
                  {card.title}
                </Title>
                <Text size="sm" style={{ flexGrow: 1 }}>
                  {card.text}
                </Text>
                <Anchor component={Link} to={`/tools?kind=${card.kind}`} fw={600}>
                  {card.title} tools
                </Anchor>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="earn-credits">
        <Group gap="xs" mb="md">
          <ThemeIcon variant="transparent" aria-hidden>
            <CoinIcon />
          </ThemeIcon>
          <Title order={2} id="earn-credits">
            Free credits, your way
          </Title>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {EARN_WAYS.map((way) => (
            <Card key={way.title} withBorder padding="lg">
              <Title order={3} size="h4" mb={4}>
                {way.title}
              </Title>
              <Text size="sm">{way.text}</Text>
            </Card>
          ))}
        </SimpleGrid>
        <Text mt="md">
          <Anchor component={Link} to="/marketplace">
            Browse the prompt marketplace
          </Anchor>{' '}
          for ready-made templates, or publish your own and earn 2% of every run.
        </Text>
      </section>
    </Stack>
  );
}
