import { useState } from 'react';
import { Alert, Button, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { PROMPT_SORTS, TOOL_KINDS, type PromptSort, type ToolKind } from '@megicai/contracts';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { marketplaceApi, marketplaceKeys, type PromptFilters } from '../features/marketplace/marketplace-api';
import { PromptCard } from '../features/marketplace/prompt-card';
import { useToolNames, useTools } from '../features/marketplace/use-tools';

const SORT_LABELS: Record<PromptSort, string> = { top: 'Top rated', new: 'Newest', popular: 'Popular (30 days)' };

/** Published templates: full text search, filters by tool and kind, three sorts; state lives in the URL. */
export function MarketplacePage() {
  const [params, setParams] = useSearchParams();
  const filters: PromptFilters = {
    q: params.get('q') || undefined,
    toolId: params.get('toolId') || undefined,
    kind: (params.get('kind') as ToolKind | null) || undefined,
    sort: (params.get('sort') as PromptSort | null) || 'top',
  };
  const [words, setWords] = useState(filters.q ?? '');
  const tools = useTools();
  const toolNames = useToolNames();

  const setFilter = (key: keyof PromptFilters, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const results = useInfiniteQuery({
    queryKey: marketplaceKeys.search(filters),
    queryFn: ({ pageParam, signal }) => marketplaceApi.search(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Marketplace"
        lead="Prompt templates from the community; creators earn 2% of each run."
        actions={
          <Button component={Link} to="/marketplace/mine" variant="light">
            My templates
          </Button>
        }
      />
      <form
        role="search"
        aria-label="Search templates"
        onSubmit={(event) => {
          event.preventDefault();
          setFilter('q', words.trim());
        }}
      >
        <Group align="flex-end" wrap="wrap" mb="lg">
          <TextInput
            label="Search"
            placeholder="Words in the title, description or tags"
            value={words}
            onChange={(event) => setWords(event.currentTarget.value)}
            style={{ flex: '1 1 16rem' }}
            type="search"
          />
          <Select
            label="Tool"
            placeholder="Any tool"
            clearable
            data={(tools.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={filters.toolId ?? null}
            onChange={(value) => setFilter('toolId', value)}
            w={180}
          />
          <Select
            label="Kind"
            placeholder="Any kind"
            clearable
            data={TOOL_KINDS.map((k) => ({ value: k, label: k[0].toUpperCase() + k.slice(1) }))}
            value={filters.kind ?? null}
            onChange={(value) => setFilter('kind', value)}
            w={140}
          />
          <Select
            label="Sort"
            data={PROMPT_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
            value={filters.sort}
            onChange={(value) => setFilter('sort', value === 'top' ? null : value)}
            allowDeselect={false}
            w={180}
          />
          <Button type="submit">Search</Button>
        </Group>
      </form>

      {results.isPending ? (
        <Loader role="status" aria-label="Loading templates" />
      ) : results.isError ? (
        <Alert color="red" role="alert" title="Could not load templates">
          {results.error.message}
        </Alert>
      ) : items.length === 0 ? (
        <Stack gap="xs" align="flex-start" data-testid="marketplace-empty">
          <Text c="dimmed">
            {filters.q || filters.toolId || filters.kind
              ? 'No templates match. Try other words or another tool.'
              : 'No templates yet. Share a prompt that works well and earn 2% of every run.'}
          </Text>
          <Button component={Link} to="/marketplace/mine/new" variant="light">
            Publish a template
          </Button>
        </Stack>
      ) : (
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-label="Templates" role="list">
            {items.map((template) => (
              <div role="listitem" key={template.id}>
                <PromptCard template={template} toolName={toolNames.get(template.toolId)} />
              </div>
            ))}
          </SimpleGrid>
          {results.hasNextPage ? (
            <Button variant="default" onClick={() => results.fetchNextPage()} loading={results.isFetchingNextPage}>
              Load more
            </Button>
          ) : null}
        </Stack>
      )}
    </>
  );
}
