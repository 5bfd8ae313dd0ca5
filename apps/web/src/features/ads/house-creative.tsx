import { useEffect, useRef } from 'react';
import { Anchor, Box, Image, Text } from '@mantine/core';
import type { HouseCreativeItem } from './ads-api';

/** The item of a chain that is on screen after `watched` seconds. */
export function currentItem(items: HouseCreativeItem[], watched: number): HouseCreativeItem | undefined {
  let start = 0;
  for (const item of items) {
    if (watched < start + item.seconds) return item;
    start += item.seconds;
  }
  return items[items.length - 1];
}

/**
 * An interactive creative: the platform serves its frame (strict CSP); `allow-scripts` without `allow-same-origin`
 * gives it an opaque origin and no top navigation. Its `seen`/`engaged` messages count only when they come from this
 * very iframe and this tab is visible.
 */
function InteractiveFrame({ item, onSeen }: { item: HouseCreativeItem; onSeen?: () => void }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const seen = useRef(onSeen);
  useEffect(() => {
    seen.current = onSeen;
  });
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (!frame.current || event.source !== frame.current.contentWindow) return;
      const data = event.data as { source?: unknown; event?: unknown } | null;
      if (data?.source !== 'megicai-ad' || (data.event !== 'seen' && data.event !== 'engaged')) return;
      if (document.visibilityState === 'visible') seen.current?.();
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);
  return (
    <iframe
      ref={frame}
      title={item.title}
      src={item.src}
      sandbox="allow-scripts"
      data-testid="ad-interactive"
      style={{ border: 0, width: '100%', height: '100%' }}
    />
  );
}

/** Plays a house creative: images, sandboxed HTML (interactive or not), or muted video, with the advertiser's link. */
export function HouseCreative({ item, onSeen }: { item: HouseCreativeItem; onSeen?: () => void }) {
  return (
    <Box data-testid="ad-creative" data-kind={item.kind}>
      <Box
        style={{
          aspectRatio: '16 / 9',
          width: '100%',
          overflow: 'hidden',
          borderRadius: 8,
          background: 'var(--mantine-color-dark-6)',
        }}
      >
        {item.kind === 'image' ? (
          <Image src={item.src} alt={item.title} fit="cover" h="100%" w="100%" />
        ) : item.kind === 'video' ? (
          <video
            src={item.src}
            autoPlay
            muted
            loop
            playsInline
            aria-label={item.title}
            style={{ width: '100%', height: '100%' }}
          />
        ) : item.interactive ? (
          <InteractiveFrame item={item} onSeen={onSeen} />
        ) : (
          // No scripts, no same-origin access: a house creative is markup and CSS only.
          <iframe
            title={item.title}
            srcDoc={item.src}
            sandbox=""
            style={{ border: 0, width: '100%', height: '100%' }}
          />
        )}
      </Box>
      <Text size="xs" c="dimmed" mt={4}>
        Sponsored ·{' '}
        <Anchor href={item.clickUrl} target="_blank" rel="noopener noreferrer sponsored" size="xs">
          {item.title}
        </Anchor>
      </Text>
    </Box>
  );
}
