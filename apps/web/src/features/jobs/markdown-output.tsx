import { Typography } from '@mantine/core';
import Markdown from 'react-markdown';

/**
 * Model output as Markdown. react-markdown builds React elements (no innerHTML) and, without rehype-raw, drops raw
 * HTML; links are limited to http(s) and mailto so that a `javascript:` URL in an answer cannot run.
 */
export function MarkdownOutput({ text }: { text: string }) {
  return (
    <Typography>
      <Markdown
        skipHtml
        urlTransform={(url) => (/^(https?:|mailto:|#|\/)/i.test(url) ? url : '')}
        components={{ a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noreferrer noopener" /> }}
      >
        {text}
      </Markdown>
    </Typography>
  );
}
