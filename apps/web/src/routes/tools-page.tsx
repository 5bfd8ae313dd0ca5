import { Alert, Button, Loader, SimpleGrid, Stack, Title } from '@mantine/core';
import { TOOL_KINDS } from '@megicai/contracts';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header';
import { useIsPremium } from '../features/tools/use-is-premium';
import { ToolCard } from '../features/tools/tool-card';
import { KIND_LABELS } from '../features/tools/tool-cost';
import { useToolsCatalog } from '../features/tools/use-tools-catalog';

/** The catalog, grouped by kind. */
export function ToolsPage() {
  const tools = useToolsCatalog();
  const premium = useIsPremium();
  return (
    <>
      <PageHeader
        title="Tools"
        lead="Run AI tools for text, images, audio and video with your credits. Repeated questions are answered from the cache for free."
        actions={
          <Button component={Link} to="/jobs" variant="light">
            My jobs
          </Button>
        }
      />
      {tools.isPending ? <Loader role="status" aria-label="Loading tools" /> : null}
      {tools.isError ? (
        <Alert color="red" role="alert" title="Could not load the tools">
          {tools.error.message}
        </Alert>
      ) : null}
      <Stack gap="xl">
        {TOOL_KINDS.map((kind) => {
          const ofKind = (tools.data ?? []).filter((t) => t.kind === kind);
          if (ofKind.length === 0) return null;
          return (
            <section key={kind} aria-labelledby={`kind-${kind}`}>
              <Title order={2} size="h3" mb="sm" id={`kind-${kind}`}>
                {KIND_LABELS[kind]}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                {ofKind.map((tool) => (
                  <ToolCard key={tool.id} tool={tool} premium={premium} />
                ))}
              </SimpleGrid>
            </section>
          );
        })}
      </Stack>
    </>
  );
}
