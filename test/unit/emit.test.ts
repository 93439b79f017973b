/** emitDocumentHtml: the HTML of a document's text and notes, as a pure function of the model. */
import { describe, expect, it } from 'vitest';
import { emitDocumentHtml } from '../../src/edition/index.ts';
import { edition, errors, SOURCE_META } from '../helpers/edition.ts';

const SOURCE = `${SOURCE_META}First <script>alert(1)</script> {props.x} *not emphasis* www.example.org a@b.org.

Second passage names Kianouri.

Third & last.
`;
const note = (quote: string, body: string, extra = '') => `---\nquote:\n  exact: "${quote}"\nkind: gloss\n${extra}---\n${body}\n`;
const PERSON = `---\nname: Noureddin Kianouri\naliases: [Kianouri]\ndescription: A test person.\n---\nAn account.\n`;

function build(notes: Record<string, string>) {
  const e = edition({
    'sources/doc.txt': SOURCE,
    'annotations/people/kianouri.md': PERSON,
    ...Object.fromEntries(Object.entries(notes).map(([id, text]) => [`annotations/notes/doc/${id}.md`, text])),
  });
  expect(errors(e)).toEqual([]);
  return { e, html: emitDocumentHtml(e.documents[0]!, e, { base: '/ed/' }) };
}

describe('emitDocumentHtml', () => {
  it('writes every passage with its permanent id, number and exact text, escaped', () => {
    const { html } = build({});
    expect(html).toContain('<p id="p1" data-passage="1"><a class="passage-number" href="#p1" aria-label="Passage 1">1</a> ');
    expect(html).toContain('First &#60;script&#62;alert(1)&#60;/script&#62; {props.x} *not emphasis* www.example.org a@b.org.');
    expect(html).not.toContain('<script');
    expect(html).toContain('Third &#38; last.');
    expect(html).toMatch(/id="p3"/);
  });
  it('links register mentions under the base path, with data-entity', () => {
    const { html } = build({});
    expect(html).toContain('<a href="/ed/people/kianouri/" data-entity="person:kianouri">Kianouri</a>');
  });
  it('numbers footnotes in reading order, not file order, with fn-/fnref- ids and back links', () => {
    const { html } = build({ 'a-late': note('Third', 'On the third.'), 'b-early': note('First', 'On the first.') });
    expect(html).toContain('<sup><a href="#fn-b-early" id="fnref-b-early" data-footnote-ref aria-describedby="footnote-label">1</a></sup>');
    expect(html).toContain('<sup><a href="#fn-a-late" id="fnref-a-late" data-footnote-ref aria-describedby="footnote-label">2</a></sup>');
    const list = html.slice(html.indexOf('<section data-footnotes'));
    expect(list.indexOf('id="fn-b-early"')).toBeLessThan(list.indexOf('id="fn-a-late"'));
    expect(list).toContain('<a href="#fnref-a-late" data-footnote-backref aria-label="Back to reference 2">↩</a>');
  });
  it('places the reference at the end of the quoted words', () => {
    const { html } = build({ n: note('Second passage', 'On the words.') });
    expect(html).toMatch(/Second passage<sup><a href="#fn-n"[^>]*>1<\/a><\/sup> names/);
  });
  it('renders note bodies from checked Markdown: kind label, emphasis, register links, raw HTML as text', () => {
    const { html } = build({ n: note('Third', 'See *this* and [him](person:kianouri). <b>bold?</b>') });
    const li = html.slice(html.indexOf('<li id="fn-n">'));
    expect(li).toContain('<p><span class="note-kind" data-kind="gloss">Gloss</span> See <em>this</em> and <a href="/ed/people/kianouri/" data-entity="person:kianouri">him</a>. &#x3C;b>bold?&#x3C;/b>');
  });
  it('gives every cited work a short label linking to its full reference on the works-cited page', () => {
    const { html } = build({ n: note('Third', 'A cited note.', 'cites: [w1]\n') });
    expect(html).toMatch(/<span class="note-sources">Sources: <a href="\/ed\/works\/#w1">[^<]+<\/a>\.<\/span>/);
  });
  it('writes no footnote section for a document without notes, and is deterministic', () => {
    const a = build({});
    expect(a.html).not.toContain('data-footnotes');
    expect(emitDocumentHtml(a.e.documents[0]!, a.e, { base: '/ed/' })).toBe(a.html);
  });
});
