import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { formatCredits } from '../../components/format-credits';
import { InsufficientCredits, type PaymentProblem } from '../tools/insufficient-credits';
import type { ChatMessageView } from './chat-api';
import { ChatMarkdown, CopyIcon } from './chat-markdown';
import type { PendingTurn } from './use-chat-turn';

export interface ChatThreadProps {
  messages: ChatMessageView[];
  pending: PendingTurn | null;
  error: string | null;
  payment: PaymentProblem | null;
  stopped: boolean;
  cost: number | null;
  onSend: (content: string) => void;
  onStop: () => void;
}

/** The messages of a conversation, the answer streaming in, and the box to write the next message. */
export function ChatThread(props: ChatThreadProps) {
  const [draft, setDraft] = useState('');
  const busy = props.pending !== null;
  const submit = () => {
    const content = draft.trim();
    if (!content || busy) return;
    setDraft('');
    props.onSend(content);
  };
  return (
    <Stack gap="md" data-testid="chat-thread">
      <Stack gap="sm" aria-live="polite">
        {props.messages.map((m, i) => (
          <MessageBubble
            key={m.id}
            message={m}
            onRetry={busy || i !== props.messages.length - 1 ? undefined : () => props.onSend(m.content)}
          />
        ))}
        {props.pending ? (
          <>
            <UserBubble content={props.pending.question} />
            <Paper withBorder p="sm" aria-busy="true" data-testid="chat-streaming">
              <ChatMarkdown text={props.pending.text || '…'} />
            </Paper>
          </>
        ) : null}
        {!props.messages.length && !props.pending ? (
          <Text c="dimmed" size="sm">
            Ask anything: each message is one run of the tool, with the conversation so far as context.
          </Text>
        ) : null}
      </Stack>
      {props.stopped ? (
        <Text size="sm" c="dimmed" role="status">
          Stopped. The run was not charged; retry the message when you like.
        </Text>
      ) : null}
      {props.error ? (
        <Alert color="red" role="alert" title="No answer">
          {props.error}
        </Alert>
      ) : null}
      {props.payment ? <InsufficientCredits problem={props.payment} /> : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="xs">
          <Textarea
            label="Message"
            placeholder="Write a message (Enter sends, Shift+Enter for a new line)"
            autosize
            minRows={2}
            maxRows={8}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                submit();
              }
            }}
          />
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="xs" c="dimmed">
              {props.cost !== null ? `Each message costs ${formatCredits(props.cost)}; repeats are free.` : ''}
            </Text>
            {busy ? (
              <Button color="red" variant="light" onClick={props.onStop}>
                Stop
              </Button>
            ) : (
              <Button type="submit" disabled={!draft.trim()}>
                Send
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function UserBubble({ content, children }: { content: string; children?: React.ReactNode }) {
  return (
    <Paper p="sm" bg="var(--mantine-color-default-hover)" data-testid="chat-question" style={{ alignSelf: 'flex-end' }}>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {content}
      </Text>
      {children}
    </Paper>
  );
}

function MessageBubble({ message, onRetry }: { message: ChatMessageView; onRetry?: () => void }) {
  if (message.role === 'user') {
    return (
      <UserBubble content={message.content}>
        {message.failed ? (
          <Group gap="xs" mt="xs">
            <Badge color="red" variant="light">
              Not answered, refunded
            </Badge>
            {onRetry ? (
              <Button size="compact-xs" variant="light" onClick={onRetry}>
                Retry
              </Button>
            ) : null}
          </Group>
        ) : null}
      </UserBubble>
    );
  }
  return (
    <Paper withBorder p="sm" data-testid="chat-answer">
      <ChatMarkdown text={message.content} />
      <Group justify="space-between" gap="xs" mt="xs">
        <Text size="xs" c="dimmed" data-testid="chat-answer-cost">
          {message.cost ? `Charged ${formatCredits(message.cost)}` : 'Cached answer, free'}
        </Text>
        <CopyIcon text={message.content} label="Copy answer" />
      </Group>
    </Paper>
  );
}
