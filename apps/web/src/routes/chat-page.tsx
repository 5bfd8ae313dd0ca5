import { Alert, Box, Button, Drawer, Grid, Group, Loader, Select, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { chatApi, chatKeys } from '../features/chat/chat-api';
import { ChatThread } from '../features/chat/chat-thread';
import { ConversationList } from '../features/chat/conversation-list';
import { useChatTurn } from '../features/chat/use-chat-turn';
import { currentCost } from '../features/tools/tool-cost';
import { useToolsCatalog } from '../features/tools/use-tools-catalog';

/** `/chat` (a new conversation: pick a text tool) and `/chat/:id`: the conversation list beside the thread. */
export function ChatPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [drawer, { open, close }] = useDisclosure(false);
  const catalog = useToolsCatalog();
  const textTools = useMemo(() => (catalog.data ?? []).filter((t) => t.kind === 'text'), [catalog.data]);
  const [picked, setPicked] = useState<string | null>(null);
  const detail = useQuery({
    queryKey: chatKeys.one(id ?? ''),
    queryFn: ({ signal }) => chatApi.get(id ?? '', signal),
    enabled: Boolean(id),
  });
  // The id of the conversation being written to, also while the route catches up after creating one.
  const current = useRef<string | undefined>(id);
  useEffect(() => {
    current.current = id;
  }, [id]);

  const toolId = id ? detail.data?.toolId : (picked ?? textTools[0]?.id);
  const tool = textTools.find((t) => t.id === toolId);
  const turn = useChatTurn(async () => {
    if (current.current) return current.current;
    if (!toolId) throw new Error('Choose a tool first.');
    const created = await chatApi.create(toolId);
    current.current = created.id;
    await queryClient.invalidateQueries({ queryKey: chatKeys.all });
    void navigate(`/chat/${created.id}`, { replace: true });
    return created.id;
  });

  const messages = detail.data?.messages ?? [];
  const last = messages.at(-1);
  // While a message is in flight, its question is shown from the pending turn (the server may already hold it).
  const shown =
    turn.pending && last?.role === 'user' && last.content === turn.pending.question ? messages.slice(0, -1) : messages;

  const list = (
    <ConversationList
      activeId={id}
      onOpen={close}
      onDeleted={(deleted) => {
        if (deleted === id) void navigate('/chat');
      }}
    />
  );

  return (
    <>
      <PageHeader
        title={id ? (detail.data?.title ?? 'Chat') : 'Chat'}
        lead={tool ? `With ${tool.name}` : undefined}
        actions={
          <Group gap="xs">
            <Button variant="default" hiddenFrom="sm" onClick={open}>
              Conversations
            </Button>
            {id ? (
              <Button variant="light" onClick={() => void navigate('/chat')}>
                New conversation
              </Button>
            ) : null}
          </Group>
        }
      />
      <Drawer opened={drawer} onClose={close} title="Conversations" size="xs">
        {list}
      </Drawer>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, sm: 4, lg: 3 }} visibleFrom="sm">
          {list}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8, lg: 9 }} miw={0}>
          <Stack>
            {!id ? (
              <Select
                label="Tool"
                description="The text tool that answers in this conversation"
                data={textTools.map((t) => ({ value: t.id, label: t.name }))}
                value={toolId ?? null}
                onChange={setPicked}
                allowDeselect={false}
                maw={360}
              />
            ) : null}
            {id && detail.isPending ? <Loader aria-label="Loading the conversation" /> : null}
            {id && detail.isError ? (
              <Alert color="red" role="alert" title="Conversation not found">
                {detail.error.message}
              </Alert>
            ) : null}
            <Box miw={0}>
              <ChatThread
                messages={shown}
                pending={turn.pending}
                error={turn.error}
                payment={turn.payment}
                stopped={turn.stopped}
                cost={tool ? currentCost(tool) : null}
                onSend={(content) => void turn.send(content)}
                onStop={turn.stop}
              />
            </Box>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
