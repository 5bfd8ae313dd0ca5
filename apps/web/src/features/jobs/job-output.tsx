import { Anchor, Badge, Group, Image, Stack, Text } from '@mantine/core';
import type { JobAssetView, JobOutput } from './jobs-api';
import { MarkdownOutput } from './markdown-output';

export function OfflineBadge() {
  return (
    <Badge variant="default" data-testid="offline-badge">
      offline demo
    </Badge>
  );
}

function Asset({ asset, index }: { asset: JobAssetView; index: number }) {
  const name = `Result ${index + 1}`;
  const media = asset.mimeType.startsWith('image/') ? (
    <Image
      src={asset.url}
      alt={`${name} (generated image)`}
      radius="md"
      maw={asset.width ?? 512}
      fit="contain"
      data-testid="job-image"
    />
  ) : asset.mimeType.startsWith('audio/') ? (
    <audio controls src={asset.url} aria-label={`${name} (generated audio)`} data-testid="job-audio" />
  ) : asset.mimeType.startsWith('video/') ? (
    <video
      controls
      src={asset.url}
      aria-label={`${name} (generated video)`}
      style={{ maxWidth: '100%' }}
      data-testid="job-video"
    />
  ) : null;
  return (
    <Stack gap={4}>
      {media}
      <Anchor href={asset.url} download size="sm">
        Download {name.toLowerCase()} ({asset.mimeType}
        {asset.width && asset.height ? `, ${asset.width}×${asset.height}` : ''}
        {asset.durationSeconds ? `, ${asset.durationSeconds} s` : ''})
      </Anchor>
    </Stack>
  );
}

/** A finished job's output: Markdown text, or images (the offline "video" is a GIF, shown as an image), audio, video. */
export function JobOutputView({ output }: { output: JobOutput }) {
  return (
    <Stack gap="sm" data-testid="job-output">
      {output.offline ? (
        <Group gap="xs">
          <OfflineBadge />
          <Text size="xs" c="dimmed">
            {output.label ?? 'Generated locally because no AI provider is configured.'}
          </Text>
        </Group>
      ) : null}
      {output.text !== undefined ? (
        <MarkdownOutput text={output.text} />
      ) : (
        (output.assets ?? []).map((asset, i) => <Asset key={asset.url} asset={asset} index={i} />)
      )}
    </Stack>
  );
}
