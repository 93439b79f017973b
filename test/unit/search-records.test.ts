/** searchRecords: what Pagefind indexes, as a pure function of the model. */
import { describe, expect, it } from 'vitest';
import { searchRecords, type DocumentSearchRecord, type EntrySearchRecord } from '../../src/edition/index.ts';
import { edition, errors, SOURCE_META } from '../helpers/edition.ts';

const SOURCE = `${SOURCE_META}First <b>passage</b> about Kianoury.

Second, with Persian كيانوري and nothing else.
`;
const PERSON = `---\nname: Noureddin Kianouri\naliases: [Kianoury]\nnames: { fa: نورالدین کیانوری }\ndescription: A test person.\n---\nAn account.\n`;

function records() {
  const e = edition({ 'sources/doc.txt': SOURCE, 'annotations/people/kianouri.md': PERSON });
  expect(errors(e)).toEqual([]);
  const all = searchRecords(e, '/ed/');
  return {
    doc: all.find((r): r is DocumentSearchRecord => r.kind === 'document')!,
    entry: all.find((r): r is EntrySearchRecord => r.kind === 'entry')!,
    all,
  };
}

describe('searchRecords', () => {
  it('gives one record per document and one per register entry, under the base path', () => {
    const { all, doc, entry } = records();
    expect(all.map((r) => r.kind)).toEqual(['document', 'entry']);
    expect(doc.url).toBe('/ed/documents/doc/');
    expect(entry.url).toBe('/ed/people/kianouri/');
  });
  it('makes each passage a section under a heading with its id, so passages are the sub-results', () => {
    const { doc } = records();
    expect(doc.content).toContain('<section><h2 id="p1">¶1</h2>');
    expect(doc.content).toContain('<section><h2 id="p2">¶2</h2>');
  });
  it('indexes folded, escaped text: Arabic letter forms as Persian ones, markup as text', () => {
    const { doc } = records();
    expect(doc.content).toContain('First &#60;b&#62;passage&#60;/b&#62; about Kianoury.');
    expect(doc.content).toContain('کیانوری');
    expect(doc.content).not.toContain('كيانوري');
    expect(doc.content).not.toContain('<b>');
  });
  it('adds the spellings of the entries a passage mentions to that passage only', () => {
    const { doc } = records();
    const [first, second] = doc.content.split('<section>').slice(1);
    expect(first).toContain('<p>Noureddin Kianouri · نورالدین کیانوری · Kianoury</p>');
    expect(second).not.toContain('Noureddin Kianouri');
  });
  it('keeps filters and the sort key in an ignored block, so the title does not match every passage', () => {
    const { doc } = records();
    const ignored = /<div data-pagefind-ignore>(.*?)<\/div>/.exec(doc.content)![1]!;
    expect(ignored).toContain('<span data-pagefind-filter="document">A test source</span>');
    expect(ignored).toContain('<span data-pagefind-filter="person">Noureddin Kianouri</span>');
    expect(ignored).toContain('<span data-pagefind-sort="date">2001-02-03</span>');
    expect(doc.content.replace(ignored, '')).not.toContain('A test source</span>');
  });
  it('gives entries their names twice, first, so they outrank passages that mention them', () => {
    const { entry } = records();
    expect(entry.content.startsWith('Noureddin Kianouri · نورالدین کیانوری · Kianoury · Noureddin Kianouri')).toBe(true);
    expect(entry.meta).toMatchObject({ title: 'Noureddin Kianouri', kind: 'Person' });
  });
});
