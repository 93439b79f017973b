/** Stage notes: read, checked against registers and works, anchored, added to their document. */
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/edition/model.ts';
import { Problems } from '../../../src/edition/problems.ts';
import { readNotes } from '../../../src/edition/stages/notes.ts';
import { lines, raw, target, worksCited } from '../../helpers/stages.ts';

const BODY = 'Alpha beta gamma.\n\nDelta epsilon.\n';
const entries = new Map([['person:pat', {} as Entry]]);
const run = (notes: Record<string, string>, p = new Problems(), cited = worksCited()) => {
  const t = target(BODY);
  const list = Object.entries(notes).map(([path, text]) => {
    const [, , slug, name] = path.split('/');
    return { file: raw(path, text), slug: slug!, id: name!.replace(/\.md$/, '') };
  });
  readNotes(list, new Map([['doc', t]]), entries, cited, p);
  return { doc: t.doc, p, cited };
};

describe('readNotes', () => {
  it('anchors a note to the passage of its quote and keeps its metadata and body', () => {
    const { doc, p, cited } = run({ 'annotations/notes/doc/eps.md': '---\nquote: epsilon\nkind: context\nentities: [person:pat]\ncites: [{ work: w1, at: p. 3 }]\n---\nA [gloss](person:pat).\n' });
    expect(lines(p)).toEqual([]);
    const [n] = doc.notes;
    expect([n!.id, n!.file, n!.document, n!.kind, n!.passage, doc.body.slice(n!.span.start, n!.span.end), n!.bodyLine]).toEqual(['eps', 'annotations/notes/doc/eps.md', 'doc', 'context', 'p2', 'epsilon', 7]);
    expect(n!.entities).toEqual(['person:pat']);
    expect(n!.cites).toEqual([{ work: 'w1', at: 'p. 3' }]);
    expect(n!.body.entityLinks.map((l) => l.ref)).toEqual(['person:pat']);
    expect(cited.used.has('w1')).toBe(true);
  });

  it('reports unknown entries (metadata and body links), a factual note without a source, and a missing quote; an unanchored note is left out', () => {
    const { doc, p } = run({ 'annotations/notes/doc/n.md': '---\nquote: Omega\nkind: sic\nentities: [person:nobody]\n---\nSee [x](place:nowhere).\n' });
    expect(doc.notes).toEqual([]);
    expect(lines(p)).toEqual([
      'annotations/notes/doc/n.md:6:5 error Unknown register entry "place:nowhere". Create annotations/places/nowhere.md or fix the id.',
      'annotations/notes/doc/n.md:3:7 error A sic note states facts and must cite a source: add cites: [work-key] with a key from annotations/works.yml.',
      'annotations/notes/doc/n.md:4:12 error Unknown register entry "person:nobody". Create annotations/people/nobody.md or fix the id.',
      'annotations/notes/doc/n.md:2:8 error The quote "Omega" is not in sources/doc.txt. Copy the exact words from the source.',
    ]);
  });

  it('points at quote.exact when the quote is written as a selector', () => {
    const { p } = run({ 'annotations/notes/doc/n.md': '---\nquote:\n  prefix: Alpha\n  exact: Omega\nkind: gloss\n---\nx\n' });
    expect(lines(p)).toEqual([expect.stringMatching(/^annotations\/notes\/doc\/n\.md:4:10 error The quote "Omega" is not in/)]);
  });

  it('a note must have metadata, and a document', () => {
    const p = new Problems();
    run({ 'annotations/notes/doc/bare.md': 'Only a body.\n', 'annotations/notes/nodoc/n.md': '---\nquote: Alpha\nkind: gloss\n---\nx\n' }, p);
    expect(lines(p)).toEqual([
      'annotations/notes/doc/bare.md:1:1 error A note must start with its metadata between two `---` lines: at least quote and kind. See docs/editing.md.',
      'annotations/notes/nodoc/n.md:1:1 error There is no source sources/nodoc.txt. A note goes in the folder named after its document (annotations/notes/<slug>/).',
    ]);
  });
});
