import { useState } from 'react';
import { Badge, Card, Image, NumberInput, Switch, Table, Text, Title } from '@mantine/core';
import { RowSaveCell } from '../../components/row-save-cell';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { QueryFallback } from '../../components/query-fallback';
import { type AdminCreative, catalogApi, catalogKeys } from './admin-catalog-api';
import { KEYBOARD_SCROLL, TableHead } from './table-head';

/** A small look at the creative: images show, the other kinds say what they are. */
function Preview({ c }: { c: AdminCreative }) {
  if (c.kind === 'image') return <Image src={c.src} alt="" w={64} h={36} fit="cover" radius="sm" />;
  return (
    <Badge variant="default" radius="sm">
      {c.interactive ? 'interactive' : c.kind}
    </Badge>
  );
}

/** One creative: its weight and whether it is served, saved together (one audited change). */
function CreativeRow({ c }: { c: AdminCreative }) {
  const queryClient = useQueryClient();
  const [weight, setWeight] = useState<number>(c.weight);
  const [enabled, setEnabled] = useState(c.enabled);
  const save = useMutation({
    mutationFn: () => catalogApi.patchCreative(c.id, { weight, enabled }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKeys.creatives }),
  });
  const changed = weight !== c.weight || enabled !== c.enabled;
  return (
    <Table.Tr data-testid="admin-creative-row" data-id={c.id}>
      <Table.Td>
        <Preview c={c} />
      </Table.Td>
      <Table.Th scope="row">
        <Text size="sm" fw={500} lineClamp={2}>
          {c.title}
        </Text>
      </Table.Th>
      <Table.Td>{c.kind}</Table.Td>
      <Table.Td>{c.seconds} s</Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`Weight of ${c.title}`}
          value={weight}
          onChange={(v) => setWeight(typeof v === 'number' ? v : Number(v) || 1)}
          min={1}
          max={1000}
          allowDecimal={false}
          allowNegative={false}
          w={96}
        />
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={`${c.title} served`}
          checked={enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
        />
      </Table.Td>
      <RowSaveCell onSave={() => save.mutate()} disabled={!changed} save={save} />
    </Table.Tr>
  );
}

/** Every house creative, disabled ones included: weight (how often it leads a chain) and on/off. */
export function AdminCreativesTable() {
  const creatives = useQuery({
    queryKey: catalogKeys.creatives,
    queryFn: ({ signal }) => catalogApi.creatives(signal),
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h3" id="creatives-title" mb="xs">
        Creatives
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A creative of weight 200 leads an ad twice as often as one of weight 100. Sessions already started keep theirs.
      </Text>
      {!creatives.isSuccess ? (
        <QueryFallback query={creatives} label="Loading creatives" />
      ) : (
        <Table.ScrollContainer minWidth={720} scrollAreaProps={KEYBOARD_SCROLL}>
          <Table aria-labelledby="creatives-title" verticalSpacing="xs">
            <TableHead columns={['Preview', 'Title', 'Kind', 'Shows for', 'Weight', 'Served']} actions />
            <Table.Tbody>
              {creatives.data.map((c) => (
                <CreativeRow key={`${c.id}-${c.updatedAt}`} c={c} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
