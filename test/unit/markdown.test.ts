import matter from 'gray-matter';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { parseGfm } from '../../src/edition/markdown.ts';
import { filesUnder } from '../helpers/edition.ts';

const fullGfm = (body: string) => fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

/** Every Markdown body in the edition and in the test fixtures. */
const bodies = (): string[] =>
  filesUnder('annotations', 'test/fixtures/editions')
    .filter(({ path }) => path.endsWith('.md'))
    .map(({ text }) => matter(text).content);

const CONSTRUCTS = [
  '| a | b |\n|---|---|\n| 1 | 2 |',
  'Struck ~~out~~ and ~single~ tildes.',
  'A claim.[^1]\n\n[^1]: A footnote.',
  '- [ ] to do\n- [x] done',
  '*emphasis*, **strong**, `code`, <b>html</b> and [a link](/people/kianouri/)',
  '> quoted\n> text\n\n1. one\n2. two\n\n```\nfenced\n```',
  'Person [Kianouri](person:kianouri) and an escaped \\*star\\*.',
  'wwwhat? h t t p, at sign-less e-mail-like text.example.org',
];

describe('Markdown parsing', () => {
  it('gives the same tree as full GFM, whichever parser a body is sent to (GFM, GFM without literal autolinks, CommonMark)', () => {
    let compared = 0;
    for (const body of [...bodies(), ...CONSTRUCTS]) {
      expect(parseGfm(body)).toEqual(fullGfm(body));
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('still finds literal autolinks (bare addresses and e-mails)', () => {
    for (const body of ['See https://example.org/x.', 'See www.example.org.', 'Write to editor@example.org.', 'HTTPS://EXAMPLE.ORG']) {
      const tree = parseGfm(body);
      expect(tree).toEqual(fullGfm(body));
      expect(JSON.stringify(tree)).toContain('"type":"link"');
    }
  });
});
