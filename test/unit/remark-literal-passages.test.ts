/** remark-literal-passages: GFM's literal autolinks undone in source text, nowhere else. */
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import remarkLiteralPassages from '../../src/integration/remark-literal-passages.ts';

const run = (mdx: string, plugin = true) => {
  const p = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
  if (plugin) p.use(remarkLiteralPassages);
  return p.runSync(p.parse(mdx));
};
const links = (node: unknown): string[] => {
  const n = node as Nodes;
  return [...(n.type === 'link' ? [n.url] : []), ...('children' in n ? (n.children as Nodes[]).flatMap(links) : [])];
};
const SOURCE = '<p id="p1"><span class="passage-text">see www\\.example.com, https\\://example.org/x and a\\@b.org</span></p>\n';

describe('remarkLiteralPassages', () => {
  it('GFM alone would make links of the addresses in a passage (what the plugin is for)', () => {
    expect(links(run(SOURCE, false))).toEqual(['http://www.example.com', 'https://example.org/x', 'mailto:a@b.org']);
  });
  it('undoes them in passage text, keeping every character', () => {
    const tree = run(SOURCE);
    expect(links(tree)).toEqual([]);
    const words = JSON.stringify(tree);
    for (const w of ['www.example.com', 'https://example.org/x', 'a@b.org']) expect(words).toContain(w);
  });
  it('leaves links in notes and the generator’s own <a> elements alone', () => {
    const tree = run(`${SOURCE}\n[^n]: see https://example.org and [a page](/people/x/)\n\n<p><span class="passage-text"><a href="/people/x/">X</a>[^n]</span></p>\n`);
    expect(links(tree)).toEqual(['https://example.org', '/people/x/']);
    expect(JSON.stringify(tree)).toContain('"name":"a"');
  });
  it('undoes them in the words a note quotes from a passage (class note-quote)', () => {
    const tree = run('[^n]: <span class="note-anchor">on ¶1: “<span class="note-quote">see www\\.example.com</span>”</span> and https://example.org\n\n<p><span class="passage-text">x[^n]</span></p>\n');
    expect(links(tree)).toEqual(['https://example.org']);
    expect(JSON.stringify(tree)).toContain('www.example.com');
  });
  it('honours another class name', () => {
    const tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkLiteralPassages, { className: 'src' });
    expect(links(tree.runSync(tree.parse('<span class="src">www.example.com</span>\n')))).toEqual([]);
  });
});
