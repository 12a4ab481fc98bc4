/**
 * A deliberately tiny Markdown subset for slides: `#`–`###` headings, `-`/`*` and `1.` lists, `>` quotes,
 * paragraphs, `**bold**` and `*italic*`. It produces a tree of plain strings, never HTML, so the views render text
 * nodes only and no slide can inject markup.
 */

export type Inline = { type: 'text' | 'strong' | 'em'; text: string };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'quote'; content: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

/** Splits `**bold**` and `*italic*` (or `_italic_`) out of one line; unmatched markers stay as text. */
export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  const re = /\*\*(.+?)\*\*|\*(.+?)\*|_(.+?)_/g;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index > last) out.push({ type: 'text', text: line.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ type: 'strong', text: m[1] });
    else out.push({ type: 'em', text: m[2] ?? m[3] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push({ type: 'text', text: line.slice(last) });
  return out;
}

/** Parses one slide's Markdown into blocks. */
export function parseMarkdown(src: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ type: 'paragraph', content: parseInline(para.join(' ')) });
    para = [];
  };
  for (const raw of src.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
    const quote = /^>\s?(.*)$/.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      blocks.push({ type: 'heading', level: heading[1]!.length as 1 | 2 | 3, content: parseInline(heading[2]!) });
    } else if (bullet || numbered) {
      flush();
      const ordered = !bullet;
      const item = parseInline((bullet ?? numbered)![1]!);
      const prev = blocks[blocks.length - 1];
      if (prev?.type === 'list' && prev.ordered === ordered) prev.items.push(item);
      else blocks.push({ type: 'list', ordered, items: [item] });
    } else if (quote) {
      flush();
      blocks.push({ type: 'quote', content: parseInline(quote[1]!) });
    } else para.push(line);
  }
  flush();
  return blocks;
}

/** A deck is slides separated by a line of three dashes. */
export function splitSlides(deck: string): string[] {
  return deck
    .replace(/\r\n?/g, '\n')
    .split(/\n-{3,}\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
