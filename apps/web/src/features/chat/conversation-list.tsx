import { ActionIcon, Group, Menu, NavLink, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { chatApi, chatKeys, type ConversationView } from './chat-api';

/** The user's conversations, newest activity first, with search (titles and messages), rename and delete. */
export function ConversationList(props: { activeId?: string; onOpen?: () => void; onDeleted: (id: string) => void }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useQuery({ queryKey: chatKeys.list(q), queryFn: ({ signal }) => chatApi.list(q, undefined, signal) });
  const items = list.data?.items ?? [];
  return (
    <Stack gap="xs" component="nav" aria-label="Conversations">
      <TextInput
        type="search"
        label="Search conversations"
        placeholder="A word of a title or message"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      <Stack gap={2} data-testid="conversation-list">
        {items.map((c) => (
          <ConversationRow key={c.id} conversation={c} active={c.id === props.activeId} {...props} />
        ))}
        {list.isSuccess && !items.length ? (
          <Text size="sm" c="dimmed">
            {q ? 'No conversation matches.' : 'No conversations yet.'}
          </Text>
        ) : null}
      </Stack>
    </Stack>
  );
}

function ConversationRow(props: {
  conversation: ConversationView;
  active: boolean;
  onOpen?: () => void;
  onDeleted: (id: string) => void;
}) {
  const queryClient = useQueryClient();
  const { conversation: c } = props;
  const refresh = () => queryClient.invalidateQueries({ queryKey: chatKeys.all });
  const rename = async () => {
    const title = window.prompt('New name of the conversation', c.title)?.trim();
    if (!title) return;
    await chatApi.rename(c.id, title.slice(0, 200));
    await refresh();
  };
  const remove = async () => {
    if (!window.confirm(`Delete “${c.title}”? Its charges stay in your history.`)) return;
    await chatApi.remove(c.id);
    props.onDeleted(c.id);
    await refresh();
  };
  return (
    <Group gap={4} wrap="nowrap">
      <NavLink
        component={Link}
        to={`/chat/${c.id}`}
        label={c.title}
        active={props.active}
        onClick={props.onOpen}
        style={{ minWidth: 0, flex: 1 }}
        styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } }}
      />
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${c.title}`}>
            <span aria-hidden="true">⋯</span>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void rename()}>Rename</Menu.Item>
          <Menu.Item color="red" onClick={() => void remove()}>
            Delete
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
