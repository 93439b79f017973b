/**
 * A reader for the plainest Markdown bodies: paragraphs of text with inline links and simple
 * emphasis (`See *also* [Kianouri](person:kianouri) and [the report](https://…).`), and nothing else.
 *
 * Why by hand: micromark (through mdast-util-from-markdown) takes about half of an edition's
 * load, some 200 µs per note body whatever the body holds, and most bodies hold only this.
 * This reader builds the same mdast tree (test/unit/markdown-plain.test.ts compares it with
 * micromark's, CommonMark and GFM, on every note of the edition, the fixtures and generated
 * bodies) and returns null for anything it does not know, for micromark to read as before:
 * any character with a Markdown meaning (`\` `` ` `` `*` `_` `<` `>` `&` `~` `|` `#` at a line's
 * start, list and quote markers), an image, a reference link, a link with a title or spaces,
 * text that GFM could turn into a link (`www.`, `://`, `@`), leading or trailing spaces, tabs,
 * control characters, carriage returns.
 *
 * Only link nodes carry a position (their start, for messages); the checked tree is stripped
 * of positions anyway.
 */
import type { Paragraph, PhrasingContent, Root } from 'mdast';

/** Characters that can mean something to Markdown in text, or that this reader leaves alone. */
const SPECIAL = /[\\`*_<>&~|[\]\t\r\x00-\x08\x0b-\x1f\x7f]|www\.|:\/\/|@|mailto:|xmpp:/i;
/** Line starts that open or interrupt a block: indentation, headings, quotes, lists, breaks, setext underlines. */
const BLOCK_START = /^(?:[ #>+\-*=_]|\d{1,9}[.)](?:[ ]|$))/;
/** An inline link with plain text and a destination without spaces, parentheses or angle brackets. */
const LINK = /\[([^[\]\n^ ][^[\]\n]*(?<! ))\]\(([^\s()<>\\&|[\]]+)\)/y;

/** Where a link or an emphasis may start. */
const OPENER = /[[*]/g;
/**
 * `*emphasis*` of letters, digits and single spaces, after a space or a line's start and before a
 * space, punctuation or the line's end: there CommonMark's flanking rules cannot read it otherwise.
 */
const EMPHASIS = /\*([A-Za-z0-9](?:[A-Za-z0-9 ]*[A-Za-z0-9])?)\*(?=$|[ .,;:?!)])/y;

/** The mdast tree of `body` if it is plain paragraphs and links (see the module comment), else null. */
export function plainMarkdown(body: string): Root | null {
  const lines = body.split('\n');
  const children: Paragraph[] = [];
  let paragraph: { start: number; lines: string[] } | null = null;
  const close = (): boolean => {
    if (!paragraph) return true;
    const content = inline(paragraph.lines, paragraph.start);
    paragraph = null;
    if (!content) return false;
    children.push({ type: 'paragraph', children: content });
    return true;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      if (!close()) return null;
      continue;
    }
    if (BLOCK_START.test(line) || line.endsWith(' ') || line.includes('\r')) return null;
    if (paragraph) paragraph.lines.push(line);
    else paragraph = { start: i + 1, lines: [line] };
  }
  if (!close() || children.length === 0) return null;
  return { type: 'root', children };
}

/** The inline content of a paragraph whose first line is line `firstLine` of the body. */
function inline(lines: string[], firstLine: number): PhrasingContent[] | null {
  const out: PhrasingContent[] = [];
  let text = '';
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    if (l > 0) text += '\n';
    let from = 0;
    OPENER.lastIndex = 0;
    for (let o = OPENER.exec(line); o; o = OPENER.exec(line)) {
      const i = o.index;
      const before = line.slice(from, i);
      if (SPECIAL.test(before)) return null;
      let node: PhrasingContent;
      if (o[0] === '*') {
        EMPHASIS.lastIndex = i;
        const m = EMPHASIS.exec(line);
        if (!m || (i > 0 && line[i - 1] !== ' ')) return null;
        node = { type: 'emphasis', children: [{ type: 'text', value: m[1]! }] };
        from = EMPHASIS.lastIndex;
      } else {
        LINK.lastIndex = i;
        const m = LINK.exec(line);
        if (!m || SPECIAL.test(m[1]!) || before.endsWith('!')) return null;
        node = {
          type: 'link',
          title: null,
          url: m[2]!,
          children: [{ type: 'text', value: m[1]! }],
          position: { start: { line: firstLine + l, column: i + 1, offset: 0 }, end: { line: firstLine + l, column: LINK.lastIndex + 1, offset: 0 } },
        };
        from = LINK.lastIndex;
      }
      text += before;
      if (text) out.push({ type: 'text', value: text });
      text = '';
      out.push(node);
      OPENER.lastIndex = from;
    }
    const rest = line.slice(from);
    if (SPECIAL.test(rest)) return null;
    text += rest;
  }
  if (text) out.push({ type: 'text', value: text });
  return out;
}
