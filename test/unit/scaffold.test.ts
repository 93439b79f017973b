import { describe, expect, it } from 'vitest';
import { SOURCE_META, edition, errors } from '../helpers/edition.ts';
import { scaffoldNote } from '../../src/edition/index.ts';
import { NOTE_PLACEHOLDER } from '../../src/edition/scaffold.ts';

const SOURCE = `${SOURCE_META}The red house on the hill.

The red house in the valley.
`;

describe('scaffoldNote', () => {
  const e = edition({ 'sources/doc.txt': SOURCE });
  const doc = e.documents[0]!;
  it('writes a quote that is unique in the source, with a suffix when the words occur twice', () => {
    const r = scaffoldNote(doc, 'red house');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toContain('exact: "red house"');
    expect(r.text).toMatch(/(prefix|suffix): /);
    // The scaffolded note anchors without error once its placeholder is replaced by the note (issue 21: a placeholder is never published).
    const scaffolded = edition({ 'sources/doc.txt': SOURCE, 'annotations/notes/doc/n.md': r.text.replace('kind: context', 'kind: gloss') });
    expect(errors(scaffolded).map((p) => p.message)).toEqual([expect.stringContaining('still holds the placeholder')]);
    const e2 = edition({ 'sources/doc.txt': SOURCE, 'annotations/notes/doc/n.md': r.text.replace('kind: context', 'kind: gloss').replace(NOTE_PLACEHOLDER, 'A gloss.') });
    expect(errors(e2)).toEqual([]);
    expect(e2.documents[0]!.notes[0]!.passage).toBe('p1');
  });
  it('needs no context for unique words', () => {
    const r = scaffoldNote(doc, 'valley');
    expect(r.ok && r.text).toContain('exact: "valley"\nkind');
  });
  it('refuses words that are not in the source', () => {
    const r = scaffoldNote(doc, 'blue door');
    expect(r).toEqual({ ok: false, message: expect.stringContaining('are not in sources/doc.txt') });
  });
});

describe('re-anchoring after a source is corrected', () => {
  const note = '---\nquote:\n  exact: "The red hosue on the hill"\nkind: gloss\n---\nA note.\n';
  it('a typo fixed inside the quoted words re-anchors, with a warning that gives the new words', () => {
    const e = edition({ 'sources/doc.txt': SOURCE, 'annotations/notes/doc/n.md': note });
    expect(errors(e)).toEqual([]);
    expect(e.documents[0]!.notes[0]!.passage).toBe('p1');
    expect(e.problems.find((p) => p.severity === 'warning' && p.file === 'annotations/notes/doc/n.md')!.message).toContain('where the text now reads "The red house on the hill"');
  });
  it('a quote whose words now occur twice is refused', () => {
    const corrected = SOURCE.replace('in the valley', 'on the hill');
    const e = edition({ 'sources/doc.txt': corrected, 'annotations/notes/doc/n.md': note });
    expect(errors(e).map((p) => p.message).join()).toContain('is not in sources/doc.txt');
    expect(e.documents[0]!.notes).toEqual([]);
  });
  it('an exact quote whose words now occur twice is refused as ambiguous', () => {
    const corrected = SOURCE.replace('in the valley', 'on the hill');
    const e = edition({ 'sources/doc.txt': corrected, 'annotations/notes/doc/n.md': note.replace('hosue', 'house') });
    expect(errors(e)[0]!.message).toContain('occurs 2 times');
  });
});
