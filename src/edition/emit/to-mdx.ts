/**
 * mdast → MDX text, with mdast-util-to-markdown and its GFM and MDX extensions: the one way
 * contributor text reaches a generated page. The serializer escapes what MDX would read as code
 * or markup (`{`, `<`, `*`, `[`, `\`, `&`…). On top of its own rules, a line that begins with
 * `import` or `export` has its first letter written as a character reference (`&#x69;mport`):
 * MDX would otherwise compile a paragraph beginning `import … from "…"` as an ES module.
 */
import type { Root } from 'mdast';
import { toMarkdown, type Options, type Unsafe } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';

/** `import`/`export` at the start of a line, in any construct. */
const ESM_AT_LINE_START: Unsafe[] = [
  { atBreak: true, character: 'i', after: 'mport\\b' },
  { atBreak: true, character: 'e', after: 'xport\\b' },
];

const OPTIONS: Options = {
  extensions: [gfmToMarkdown(), mdxToMarkdown()],
  unsafe: ESM_AT_LINE_START,
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fences: true,
  rule: '-',
};

/** The MDX text of a tree, after a front matter block (JSON, which every YAML reader reads alike). */
export function toMdx(tree: Root, frontmatter?: Record<string, unknown>): string {
  const head = frontmatter ? `---\n${JSON.stringify(frontmatter)}\n---\n\n` : '';
  return head + toMarkdown(tree, OPTIONS);
}
