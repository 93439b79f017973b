import type { Link, Paragraph, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { checkMarkdown, resolveEntityLinks, toSafeHtml, type EntityHref } from '../../src/edition/markdown.ts';

const href: EntityHref = (ref) => `/base/${ref.replace(':', 's/')}/`;
const issues = (body: string) => checkMarkdown(body).issues;
const tree = (body: string) => {
  const checked = checkMarkdown(body);
  expect(checked.issues, body).toEqual([]);
  return checked.result.tree;
};
const types = (node: unknown): string[] => {
  const out: string[] = [];
  const visit = (n: { type: string; children?: unknown[] }) => {
    out.push(n.type);
    for (const c of n.children ?? []) visit(c as typeof n);
  };
  visit(node as { type: string });
  return out;
};

describe('contributor Markdown: parsing', () => {
  it('reads GFM: emphasis, strong, code, lists, quotes, strikethrough and bare addresses', () => {
    const t = tree('*a* **b** `c` ~~d~~\n\n- one\n- two\n\n> quoted\n\nSee https://example.org/x and www.example.org.\n');
    expect(types(t)).toEqual(expect.arrayContaining(['emphasis', 'strong', 'inlineCode', 'delete', 'list', 'listItem', 'blockquote', 'link']));
    const links = JSON.stringify(t).match(/"url":"[^"]+"/g);
    expect(links).toEqual(['"url":"https://example.org/x"', '"url":"http://www.example.org"']);
  });

  it('keeps raw HTML as the text the contributor typed, never as markup', () => {
    for (const body of ['<script>alert(1)</script> is shown as text.', '<!-- hidden --> <![CDATA[ x ]]> text.', '<img src=x onerror="alert(1)"> text.', '<div>\nblock\n</div>']) {
      const t = tree(body);
      expect(types(t), body).not.toContain('html');
      const html = toSafeHtml({ tree: t, entityLinks: [] }, href);
      expect(html, body).not.toMatch(/<(script|img|div|!--)/);
      expect(html, body).toContain('&#x3C;');
    }
  });

  it('reads `import` and `export` lines and MDX braces as plain text', () => {
    const t = tree('import x from "y"\n\nexport const z = 1\n\nThe value {process.exit(1)} is text.\n');
    expect(t.children.map((c) => c.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect((t.children[0] as Paragraph).children).toEqual([{ type: 'text', value: 'import x from "y"' }]);
    expect((t.children[1] as Paragraph).children).toEqual([{ type: 'text', value: 'export const z = 1' }]);
    expect(toSafeHtml({ tree: t, entityLinks: [] }, href)).toBe('<p>import x from "y"</p>\n<p>export const z = 1</p>\n<p>The value {process.exit(1)} is text.</p>');
  });

  it('keeps no positions in the checked tree', () => {
    expect(JSON.stringify(tree('A [link](https://example.org) and *more*.\n'))).not.toContain('position');
  });

  it('reports an empty body', () => {
    expect(issues('')).toEqual([{ line: 1, col: 1, message: 'The text is empty. Write the note below the closing `---`.' }]);
    expect(issues('\n\n')).toHaveLength(1);
  });
});

describe('contributor Markdown: links', () => {
  it('accepts https, http, mailto, site paths and fragments', () => {
    for (const url of ['https://example.org/a', 'http://example.org', 'mailto:editor@example.org', '/people/kianouri/', '#p3']) expect(issues(`A [link](${url}).`), url).toEqual([]);
  });

  it('refuses javascript:, data:, vbscript: and every other scheme, at the link', () => {
    expect(issues('Click [here](javascript:alert(1)).')).toEqual([
      { line: 1, col: 7, message: 'Links with "javascript:" are not allowed. Use an https:// address, a page of this site (/people/…) or a register reference like person:kianouri.' },
    ]);
    expect(issues('Text.\n\nA [file](data:text/html;base64,PHNjcmlwdD4=).')).toEqual([expect.objectContaining({ line: 3, col: 3, message: expect.stringContaining('"data:"') })]);
    expect(issues('See <vbscript:msgbox(1)>.')).toEqual([expect.objectContaining({ line: 1, col: 5, message: expect.stringContaining('"vbscript:"') })]);
    expect(issues('See [x](JaVaScRiPt:alert(1)).')).toEqual([expect.objectContaining({ message: expect.stringContaining('"JaVaScRiPt:"') })]);
  });

  it('refuses addresses that are not full', () => {
    expect(issues('See [x](//evil.example/x).')).toEqual([
      { line: 1, col: 5, message: 'The link "//evil.example/x" is not a full address. Use https://…, a page of this site starting with /, or a register reference like person:kianouri.' },
    ]);
    expect(issues('See [x](other.html).')).toEqual([expect.objectContaining({ message: expect.stringContaining('is not a full address') })]);
  });

  it('collects register links with their positions', () => {
    const checked = checkMarkdown('See [Kianouri](person:kianouri).\n\nAnd [the coup](event:coup-1953), [the party](organization:tudeh).\n');
    expect(checked.issues).toEqual([]);
    expect(checked.result.entityLinks).toEqual([
      { ref: 'person:kianouri', line: 1, col: 5 },
      { ref: 'event:coup-1953', line: 3, col: 5 },
      { ref: 'organization:tudeh', line: 3, col: 34 },
    ]);
  });

  it('resolves register links in a copy: the url from href, the reference in data.hProperties', () => {
    const md = checkMarkdown('See [Kianouri](person:kianouri) and [a page](https://example.org).').result;
    const before = structuredClone(md.tree);
    const resolved: Root = resolveEntityLinks(md, href);
    expect(md.tree).toEqual(before);
    expect(resolved).not.toBe(md.tree);
    const links = (resolved.children[0] as Paragraph).children.filter((c): c is Link => c.type === 'link');
    expect(links[0]).toMatchObject({ url: '/base/persons/kianouri/', data: { hProperties: { 'data-entity': 'person:kianouri' } } });
    expect(links[1]).toMatchObject({ url: 'https://example.org' });
    expect(links[1]!.data).toBeUndefined();
    // A body without register links is not copied: the model's tree itself, which the callers only read (toSafeHtml).
    const plain = checkMarkdown('Plain.').result;
    expect(resolveEntityLinks(plain, href)).toBe(plain.tree);
  });

  it('writes register links as links to the entry, with data-entity', () => {
    const md = checkMarkdown('See *also* [Kianouri](person:kianouri) and [the report](https://example.org/a b?x=1&y=2).').result;
    expect(toSafeHtml(md, href)).toBe(
      '<p>See <em>also</em> <a href="/base/persons/kianouri/" data-entity="person:kianouri">Kianouri</a> and [the report](<a href="https://example.org/a">https://example.org/a</a> b?x=1&#x26;y=2).</p>',
    );
    const md2 = checkMarkdown('[A & B](https://example.org/a?x=1&y="2")').result;
    expect(toSafeHtml(md2, href)).toBe('<p><a href="https://example.org/a?x=1&#x26;y=%222%22">A &#x26; B</a></p>');
  });
});

describe('contributor Markdown: constructs a note has no place for', () => {
  const cases: [string, string, number, number, string][] = [
    ['heading', 'Text.\n\n# Title\n', 3, 1, 'Headings are not allowed'],
    ['setext heading', 'Title\n=====\n', 1, 1, 'Headings are not allowed'],
    ['image', 'See ![x](https://example.org/x.png).\n', 1, 5, 'Images are not allowed in notes.'],
    ['image reference', 'See ![x][img].\n\n[img]: https://example.org/x.png\n', 1, 5, 'Images are not allowed in notes.'],
    ['table', 'Text.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n', 3, 1, 'Tables are not allowed in notes.'],
    ['footnote', 'Text[^1].\n\n[^1]: inner\n', 1, 5, 'A note cannot contain footnotes.'],
    ['reference link', 'A [link][ref].\n\n[ref]: https://example.org\n', 1, 3, 'Write links inline'],
  ];
  it.each(cases)('%s is refused at its position', (_, body, line, col, message) => {
    const found = issues(body);
    expect(found.map((i) => i.message).join('\n')).toContain(message);
    expect(found.find((i) => i.message.includes(message))).toMatchObject({ line, col });
  });
});
