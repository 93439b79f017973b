/** Stage read/validate: one contributor file from bytes to checked data, every failure at its place. */
import { describe, expect, it } from 'vitest';
import { Problems } from '../../../src/edition/problems.ts';
import { EntryMeta, NoteMeta, Structure, Works } from '../../../src/edition/schema.ts';
import { readContributorFile } from '../../../src/edition/stages/read.ts';
import { lines, raw } from '../../helpers/stages.ts';

const NOTE = 'annotations/notes/doc/n.md';
const noteOpts = { format: 'front-matter', requireFrontMatter: 'A note needs metadata.', markdown: true } as const;

describe('readContributorFile', () => {
  it('reads front matter, validates it, and keeps the raw data, the body and its line', () => {
    const p = new Problems();
    const r = readContributorFile(raw(NOTE, '---\nquote: Alpha beta\nkind: gloss\n---\nA *gloss*.\n'), NoteMeta, 'note', p, noteOpts);
    expect(lines(p)).toEqual([]);
    expect(r!.data).toEqual({ quote: { exact: 'Alpha beta' }, kind: 'gloss', entities: [], cites: [] });
    expect(r!.raw.quote).toBe('Alpha beta');
    expect(r!.body).toBe('A *gloss*.\n');
    expect(r!.bodyLine).toBe(5);
    expect(r!.markdown.tree.children[0]!.type).toBe('paragraph');
    expect(r!.locate(['kind'])).toEqual({ line: 3, col: 7 });
  });

  it('reports a schema problem with the file kind, at the value, and gives nothing', () => {
    const p = new Problems();
    const r = readContributorFile(raw(NOTE, '---\nquote: Alpha\nkind: opinion\n---\nx\n'), NoteMeta, 'note', p, noteOpts);
    expect(r).toBeNull();
    expect(lines(p)).toEqual([expect.stringMatching(/^annotations\/notes\/doc\/n\.md:3:7 error "opinion" is not allowed for "kind"/)]);
  });

  it('names the file kind in messages ("register entry")', () => {
    const p = new Problems();
    readContributorFile(raw('annotations/people/x.md', '---\nname: X\n---\nA.\n'), EntryMeta, 'register entry', p, { format: 'front-matter', markdown: true });
    expect(lines(p)).toEqual(['annotations/people/x.md:2:1 error The field "description" is missing from this register entry. Add it to the metadata.']);
  });

  it('requires front matter only when asked, with the caller\'s message', () => {
    const p = new Problems();
    expect(readContributorFile(raw(NOTE, 'Just a body.\n'), NoteMeta, 'note', p, noteOpts)).toBeNull();
    expect(lines(p)).toEqual([`${NOTE}:1:1 error A note needs metadata.`]);
    const q = new Problems();
    expect(readContributorFile(raw('annotations/people/x.md', 'Just a body.\n'), EntryMeta, 'register entry', q, { format: 'front-matter' })).toBeNull();
    expect(lines(q)).toEqual([
      'annotations/people/x.md:1:1 error The field "name" is missing from this register entry. Add it to the metadata.',
      'annotations/people/x.md:1:1 error The field "description" is missing from this register entry. Add it to the metadata.',
    ]);
  });

  it('reports Markdown issues at their line in the file, and still returns the file', () => {
    const p = new Problems();
    const r = readContributorFile(raw(NOTE, '---\nquote: Alpha\nkind: gloss\n---\nFine.\n\n# A heading\n'), NoteMeta, 'note', p, noteOpts);
    expect(r).not.toBeNull();
    expect(lines(p)).toEqual([expect.stringMatching(/^annotations\/notes\/doc\/n\.md:7:1 error Headings are not allowed/)]);
  });

  it('leaves the body unchecked without markdown', () => {
    const p = new Problems();
    const r = readContributorFile(raw('sources/s.txt', '---\nquote: Alpha\nkind: gloss\n---\n# Not Markdown\n'), NoteMeta, 'note', p, { format: 'front-matter' });
    expect(lines(p)).toEqual([]);
    expect(r!.markdown).toBeUndefined();
    expect(r!.body).toBe('# Not Markdown\n');
  });

  it('reads whole-YAML files', () => {
    const p = new Problems();
    const r = readContributorFile(raw('annotations/works.yml', 'w1:\n  title: T\n  url: nope\n  category: scholarship\n'), Works, 'works list', p, { format: 'yaml' });
    expect(r).toBeNull();
    expect(lines(p)).toEqual([expect.stringMatching(/^annotations\/works\.yml:3:8 error "w1\.url"/)]);
    const s = readContributorFile(raw('annotations/structure/doc.yml', 'headings: [Alpha]\n'), Structure, 'structure file', new Problems(), { format: 'yaml' });
    expect(s!.data.headings).toEqual([{ exact: 'Alpha' }]);
    expect(s!.body).toBe('');
  });

  it('refuses invalid UTF-8 and YAML tags before validating', () => {
    const p = new Problems();
    expect(readContributorFile(raw(NOTE, new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a])), NoteMeta, 'note', p, noteOpts)).toBeNull();
    expect(readContributorFile(raw('annotations/works.yml', 'w1: !!js/function x\n'), Works, 'works list', p, { format: 'yaml' })).toBeNull();
    expect(lines(p)).toEqual([
      `${NOTE}:2:1 error This file is not valid UTF-8. Open it in your editor and save it with the encoding "UTF-8".`,
      expect.stringMatching(/^annotations\/works\.yml:1:5 error YAML tags are not allowed/),
    ]);
  });

  it('a byte-order mark is a warning, or an error with bomIsError', () => {
    const text = '\uFEFF---\nquote: Alpha\nkind: gloss\n---\nx\n';
    const p = new Problems();
    expect(readContributorFile(raw(NOTE, text), NoteMeta, 'note', p, noteOpts)).not.toBeNull();
    expect(p.list.map((x) => x.severity)).toEqual(['warning']);
    const q = new Problems();
    expect(readContributorFile(raw(NOTE, text), NoteMeta, 'note', q, { ...noteOpts, bomIsError: true })).toBeNull();
    expect(q.list.map((x) => x.severity)).toEqual(['error']);
  });
});
