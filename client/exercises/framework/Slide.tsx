import type { Block, Inline } from '../../../shared/exercises/framework/markdown';
import { parseMarkdown } from '../../../shared/exercises/framework/markdown';

function Inlines({ content }: { content: Inline[] }) {
  return (
    <>
      {content.map((c, i) =>
        c.type === 'strong' ? <strong key={i}>{c.text}</strong> : c.type === 'em' ? <em key={i}>{c.text}</em> : c.text,
      )}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading': {
      // Slide headings sit under the page's own h1/h2, so they start at h2.
      const H = (['h2', 'h3', 'h4'] as const)[block.level - 1]!;
      return (
        <H className={`slide__h${block.level}`}>
          <Inlines content={block.content} />
        </H>
      );
    }
    case 'paragraph':
      return (
        <p>
          <Inlines content={block.content} />
        </p>
      );
    case 'quote':
      return (
        <blockquote>
          <Inlines content={block.content} />
        </blockquote>
      );
    case 'list': {
      const L = block.ordered ? 'ol' : 'ul';
      return (
        <L>
          {block.items.map((item, i) => (
            <li key={i}>
              <Inlines content={item} />
            </li>
          ))}
        </L>
      );
    }
  }
}

/** One slide, rendered from the parsed Markdown as React text nodes only (no HTML is ever injected). */
export function Slide({ markdown, className = '' }: { markdown: string; className?: string }) {
  return (
    <div className={`slide ${className}`} data-testid="slide">
      {parseMarkdown(markdown).map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </div>
  );
}
