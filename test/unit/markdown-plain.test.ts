import matter from 'gray-matter';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { plainMarkdown } from '../../src/edition/markdown-plain.ts';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { checkMarkdown, plainHtml } from '../../src/edition/markdown.ts';
import { filesUnder } from '../helpers/edition.ts';
import { prng } from '../../scripts/bench/corpus.ts';

const fullGfm = (body: string) => fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

/** A tree without positions, and the start of each link (the only positions the checks use). */
function comparable(tree: Root) {
  const links: string[] = [];
  const strip = (node: Nodes): unknown => {
    const { position, ...rest } = node as Nodes & { children?: Nodes[] };
    if (node.type === 'link') links.push(`${position?.start.line}:${position?.start.column}`);
    return 'children' in rest ? { ...rest, children: rest.children!.map(strip) } : rest;
  };
  return { tree: strip(tree), links };
}

/** Every Markdown body in the edition and in the test fixtures. */
const bodies = (): string[] =>
  filesUnder('annotations', 'test/fixtures/editions')
    .filter(({ path }) => path.endsWith('.md'))
    .map(({ text }) => matter(text).content);

describe('plain Markdown reader', () => {
  it('reads paragraphs and inline links as micromark does (CommonMark and GFM), positions of links included', () => {
    const body = '\nSee [Noureddin Kianouri](person:kianouri) and [the report (2012)](https://example.org/a?b=1#c).\nA second line, *in italics*, “quoted”, کیانوری [x](/people/x/) – 1941.\n\n\nA second paragraph ends here: [mail](mailto:editor@example.org)\n';
    const fast = plainMarkdown(body);
    expect(fast).not.toBeNull();
    expect(comparable(fast!)).toEqual(comparable(fromMarkdown(body)));
    expect(comparable(fast!)).toEqual(comparable(fullGfm(body)));
    expect(comparable(fast!).links).toEqual(['2:5', '2:47', '3:48', '6:31']);
  });

  it('agrees with micromark on every note and register account of the edition and the fixtures it reads', () => {
    let read = 0;
    for (const body of bodies()) {
      const fast = plainMarkdown(body);
      if (!fast) continue;
      read++;
      expect(comparable(fast), body).toEqual(comparable(fullGfm(body)));
    }
    expect(read).toBeGreaterThan(10);
  });

  it('agrees with micromark on generated bodies full of Markdown characters, or leaves them to it', () => {
    const pieces = ['word', ' ', '  ', '\n', '\n\n', '\n ', '[', ']', '(', ')', '[a](person:x)', '[b c](https://example.org/x)', '![i](x)', '[r]', '[r]: /x', '[^1]', '*', '*a*', ' *b c* ', '*1*.', '**s**', ' *x', 'y* ', '_', '`', '<b>', '&amp;', '\\', '~', '|', '#', '# ', '> ', '- ', '+ ', '1. ', '12) ', '---', '===', '!', ':', 'www.x.org', 'http://x', 'a@b.org', '\t', '\r', '\u00a0', '“', 'کیانوری', '\ud83d\ude00', '1941', '.', ',', '\u0000', '\u000c'];
    const next = prng(3);
    let read = 0;
    for (let round = 0; round < 6000; round++) {
      let body = '';
      const n = 1 + Math.floor(next() * 12);
      for (let k = 0; k < n; k++) body += pieces[Math.floor(next() * pieces.length)];
      const fast = plainMarkdown(body);
      if (!fast) continue;
      read++;
      expect(comparable(fast), JSON.stringify(body)).toEqual(comparable(fullGfm(body)));
    }
    expect(read).toBeGreaterThan(200);
  });

  it('leaves every other construct to micromark', () => {
    for (const body of [
      '*emphasis* at the start of a line',
      'a *half-open emphasis',
      'an *emphasis*attached',
      'a**strong**word',
      'x *a**b* y', // CommonMark reads one emphasis of `a**b` here
      'a **strong** word',
      'a *Persian کیانوری* emphasis',
      'a `code` span',
      '# Heading',
      '> quote',
      '- item',
      '1. item',
      '    indented code',
      'Text\n===',
      'An ![image](x.png)',
      'A [reference][r]\n\n[r]: https://example.org',
      'A [link](https://example.org "title")',
      'A [link](<with space>)',
      'A bare https://example.org link',
      'A www.example.org link',
      'Write to editor@example.org',
      'Tom &amp; Jerry',
      'escaped \\* star',
      'a hard  \nbreak',
      'windows\r\nline',
      '<script>alert(1)</script>',
      '| a | b |',
      '~~struck~~',
      'A claim.[^1]',
      '',
      '\n\n',
    ]) {
      expect(plainMarkdown(body), JSON.stringify(body)).toBeNull();
    }
  });

  it('gives checkMarkdown the same result as micromark would, entity links and refusals included', () => {
    const body = 'See [Kianouri](person:kianouri) and [this](javascript:void) or [that](ftp://x).\n\nThen [more](person:tudeh-party).';
    expect(plainMarkdown(body)).not.toBeNull();
    const links = comparable(fullGfm(body)).links;
    const checked = checkMarkdown(body);
    expect(checked.result.entityLinks.map((l) => `${l.line}:${l.col} ${l.ref}`)).toEqual([`${links[0]} person:kianouri`, `${links[3]} person:tudeh-party`]);
    expect(checked.issues.map((i) => `${i.line}:${i.col} ${/"(\w+):"/.exec(i.message)?.[1]}`)).toEqual([`${links[1]} javascript`, `${links[2]} ftp`]);
  });

  it('writes the HTML of such trees as mdast-util-to-hast and hast-util-to-html write it', () => {
    const href = (ref: string) => `/base/${ref.replace(':', 's/')}/`;
    /** The general path: register links rewritten, then hast, then HTML. */
    const viaHast = (body: string) => {
      const tree = structuredClone(checkMarkdown(body).result.tree);
      const visit = (node: Nodes) => {
        if (node.type === 'link' && /^(person|organization|place|event):/.test(node.url.trim())) {
          const ref = node.url.trim();
          node.url = href(ref);
          node.data = { hProperties: { 'data-entity': ref } };
        }
        if ('children' in node) for (const c of node.children) visit(c as Nodes);
      };
      visit(tree);
      return toHtml(toHast(tree, { allowDangerousHtml: false }));
    };
    const pieces = ['word', ' ', '\n', '\n\n', '[a](person:kianouri)', '[b c](https://example.org/x?y=1&z=2)', '[d](/people/x/#p3)', '[é](https://example.org/é "t")', '[f](https://example.org/ä)', '*em*', ' *e f* ', '«', 'کیانوری', '"', "'", '&', '<', '>', '(', ')', '.', '\ud83d\ude00', '[x](https://example.org/a%20b)', '[y](mailto:a@b.org)'];
    const next = prng(9);
    let direct = 0;
    for (const body of [...bodies(), ...Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(next() * 10) }, () => pieces[Math.floor(next() * pieces.length)]).join(''))]) {
      const checked = checkMarkdown(body);
      if (checked.issues.length) continue;
      const html = plainHtml(checked.result.tree, href);
      if (html === null) continue;
      direct++;
      expect(html, JSON.stringify(body)).toBe(viaHast(body));
    }
    expect(direct).toBeGreaterThan(300);
  });
});
