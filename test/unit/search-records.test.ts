/** searchRecords: what Pagefind indexes, as a pure function of the model. */
import { describe, expect, it } from 'vitest';
import { searchRecords, type DocumentSearchRecord, type EntrySearchRecord } from '../../src/edition/index.ts';
import { foldedVariants, markdownText, notesInPageOrder } from '../../src/edition/search-records.ts';
import { parseGfm } from '../../src/edition/markdown.ts';
import { edition, errors, SOURCE_META } from '../helpers/edition.ts';

const SOURCE = `${SOURCE_META}First <b>passage</b> about Kianoury and the Tudeh.

Second, with Persian كيانوري in ۱۳۶۷ and nothing else.

Third, plain.
`;
const PERSON = `---\nname: Noureddin Kianouri\naliases: [Kianoury, Kiannory, کیانوری]\nnames: { fa: نورالدین کیانوری }\ndescription: A test person.\ncites: [w1]\nborn: 1915\ndied: 1999-11-05\n---\nAn account that mentions a *fatwa*.\n`;
const TUDEH = `---\nname: Tudeh Party\naliases: [Tudeh]\ndescription: A party.\n---\nA party account.\n`;
const NOTES = {
  // Two notes on ¶1: the second quotes earlier words, so the page numbers it first.
  'annotations/notes/doc/later.md': `---\nquote: "the Tudeh"\nkind: gloss\ncites: [{ work: w1, at: "p. 3" }]\n---\nA gloss on *the* party, after [Kianouri](person:kianouri).\n`,
  'annotations/notes/doc/earlier.md': `---\nquote: "First"\nkind: translation\n---\nAttributed to Ibn Yamin.\n`,
};
const WORK = `w1:\n  title: Tortured Confessions\n  category: scholarship\n  author: ["Abrahamian, Ervand"]\n  date: "1999"\n  url: https://example.org/w1\n  caution: A caution.\n`;

function records() {
  const e = edition({ 'sources/doc.txt': SOURCE, 'annotations/people/kianouri.md': PERSON, 'annotations/organizations/tudeh.md': TUDEH, 'annotations/works.yml': WORK, ...NOTES });
  expect(errors(e)).toEqual([]);
  const all = searchRecords(e, '/ed/');
  const sections = (r: { content: string }) => r.content.split('<section>').slice(1);
  return {
    e,
    doc: all.find((r): r is DocumentSearchRecord => r.kind === 'document')!,
    entry: all.find((r): r is EntrySearchRecord => r.url.endsWith('/people/kianouri/'))!,
    work: all.find((r): r is EntrySearchRecord => r.kind === 'work')!,
    all,
    sections,
  };
}

describe('searchRecords', () => {
  it('gives one record per document, register entry and work, under the base path', () => {
    const { all } = records();
    expect(all.map((r) => [r.kind, r.url])).toEqual([
      ['document', '/ed/documents/doc/'],
      ['entry', '/ed/organizations/tudeh/'],
      ['entry', '/ed/people/kianouri/'],
      ['work', '/ed/works/#w1'],
    ]);
  });
  it('makes each passage and each note a section under a heading with its id and no word in it', () => {
    const { doc, sections } = records();
    const heads = sections(doc).map((s) => /^<h2 id="([^"]+)">(.*?)<\/h2>/.exec(s)!.slice(1));
    expect(heads).toEqual([
      ['p1', '¶'],
      ['p2', '¶'],
      ['p3', '¶'],
      ['fn-earlier', '¶'],
      ['fn-later', '¶'],
    ]);
  });
  it('keeps the text as written, escaped, and adds the words folding changes after the boundary anchor', () => {
    const { sections, doc } = records();
    const [first, second] = sections(doc);
    expect(first).toContain('<p>First &#60;b&#62;passage&#60;/b&#62; about Kianoury and the Tudeh. <span id="x-p1"></span> ⁂');
    expect(doc.content).not.toContain('<b>');
    // Arabic letter forms and Persian digits stay in the text; their folded forms follow the anchor.
    const [text, added] = second!.split('<span id="x-p2"></span>');
    expect(text).toContain('كيانوري in ۱۳۶۷');
    expect(added).toMatch(/^ ⁂ کیانوری 1367/);
    expect(added).not.toContain('كيانوري');
  });
  it('adds the spellings of the entries a passage mentions to that passage only, at a low weight, one group per entry', () => {
    const { sections, doc } = records();
    const [first, second, third] = sections(doc);
    expect(first).toContain('<span data-pagefind-weight="0.1"> ⁂ Noureddin Kianouri · نورالدین کیانوری · Kianoury · Kiannory · کیانوری ⁂ Tudeh Party · Tudeh</span>');
    expect(second).toContain('⁂ Noureddin Kianouri ·');
    expect(third).not.toContain('Kianouri');
  });
  it("indexes notes in the page's numbering, as text with their sources and their entries' spellings", () => {
    const { sections, doc, e } = records();
    expect(notesInPageOrder(e.documents[0]!, e).map((n) => n.id)).toEqual(['earlier', 'later']);
    const notes = sections(doc).slice(3);
    expect(notes[0]).toContain('<p>Attributed to Ibn Yamin. <span id="x-fn-earlier"></span> ⁂</p>');
    expect(notes[1]).toContain('<p>A gloss on the party, after Kianouri. Sources: Abrahamian 1999, p. 3. <span id="x-fn-later"></span>');
    expect(notes[1]).toContain('⁂ Noureddin Kianouri · نورالدین کیانوری · Kianoury');
    expect(doc.content).toContain(`data-pagefind-meta="notes:${'[["p1","Translation"],["p1","Gloss"]]'.replace(/"/g, '&#34;')}"`);
  });
  it('keeps filters in an ignored block, with what result lines name; the date is a sort key beside the record, not a Pagefind sort', () => {
    const { doc } = records();
    const ignored = /<div data-pagefind-ignore>(.*?)<\/div>/.exec(doc.content)![1]!;
    expect(ignored).toContain('<span data-pagefind-filter="document">A test source</span>');
    expect(ignored).toContain('<span data-pagefind-filter="person">Noureddin Kianouri</span>');
    expect(doc.content).not.toContain('data-pagefind-sort');
    expect(doc.date).toBe('2001-02-03');
    expect(ignored).toContain('<span data-pagefind-meta="date:3 February 2001"></span>');
    expect(doc.content.replace(ignored, '')).not.toContain('A test source</span>');
  });
  it('gives an entry its name as a heading, its description, account and sources as text, and its spellings at a high weight', () => {
    const { entry } = records();
    expect(entry.content).toContain('<span data-pagefind-filter="register">Person</span>');
    expect(entry.content).toContain('<span data-pagefind-meta="dates:1915 – 5 November 1999"></span>');
    expect(entry.content).toContain('<h1>Noureddin Kianouri</h1><p><span id="d"></span> A test person. An account that mentions a fatwa. Sources: Ervand Abrahamian, Tortured Confessions (1999). <span id="x-names"></span>');
    expect(entry.content).toContain('<span data-pagefind-weight="5"> ⁂ Noureddin Kianouri · نورالدین کیانوری · Kianoury · Kiannory · کیانوری</span>');
  });
  it('gives a work its full reference and caution, filed under the register filter as a work', () => {
    const { work } = records();
    expect(work.content).toContain('<title>Abrahamian 1999</title>');
    expect(work.content).toContain('<span data-pagefind-filter="register">Work</span>');
    expect(work.content).toContain('<span id="d"></span> Ervand Abrahamian, Tortured Confessions (1999). Caution: A caution.');
  });
});

describe('search record helpers', () => {
  it('foldedVariants lists the words folding changes, folded', () => {
    expect(foldedVariants('plain ASCII text')).toEqual([]);
    expect(foldedVariants('آنكس كه نداند ۱۳۶۷ توده‌ای')).toEqual(['آنکس', 'که', '1367', 'توده ای']);
  });
  it('markdownText is the text of a note: inline marks dropped, blocks separated', () => {
    expect(markdownText(parseGfm('A *gloss* on [Kianouri](person:kianouri).\n\n- one\n- two\n\n> quoted `code`'))).toBe('A gloss on Kianouri. one two quoted code');
  });
});
