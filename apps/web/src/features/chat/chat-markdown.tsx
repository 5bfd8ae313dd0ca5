import { ActionIcon, CopyButton, Tooltip, Typography } from '@mantine/core';
import type { ComponentPropsWithoutRef } from 'react';
import Markdown from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import './chat-markdown.css';

/** Copies `text`; shows "Copied" for a moment. */
export function CopyIcon({ text, label }: { text: string; label: string }) {
  return (
    <CopyButton value={text} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : label} withArrow>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={label} size="sm">
            <span aria-hidden="true">{copied ? '✓' : '⧉'}</span>
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** The text of a highlighted code block (its children are spans once highlighted). */
function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node && typeof node === 'object' && 'props' in node) {
    return textOf((node as { props: { children?: unknown } }).props.children);
  }
  return '';
}

function CodeBlock({ node: _node, children, ...props }: ComponentPropsWithoutRef<'pre'> & { node?: unknown }) {
  return (
    <div className="chat-code">
      <div className="chat-code-copy">
        <CopyIcon text={textOf(children).replace(/\n$/, '')} label="Copy code" />
      </div>
      <pre {...props} tabIndex={0}>
        {children}
      </pre>
    </div>
  );
}

/**
 * An answer as Markdown with highlighted code and a copy button per code block. As in MarkdownOutput, raw HTML is
 * dropped and links are limited to http(s) and mailto.
 */
export function ChatMarkdown({ text }: { text: string }) {
  return (
    <Typography className="chat-markdown">
      <Markdown
        skipHtml
        rehypePlugins={[[rehypeHighlight, { detect: false }]]}
        urlTransform={(url) => (/^(https?:|mailto:|#|\/)/i.test(url) ? url : '')}
        components={{
          a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noreferrer noopener" />,
          pre: CodeBlock,
        }}
      >
        {text}
      </Markdown>
    </Typography>
  );
}
