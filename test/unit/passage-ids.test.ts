/** Permanent passage ids through the history of a source: insert, correct, delete, rebuild. */
import { describe, expect, it } from 'vitest';
import { assignPassageIds, buildEdition } from '../../src/edition/index.ts';
import { SOURCE_META, files } from '../helpers/edition.ts';

const v1 = ['First passage about Kuybyshev.', 'Second passage, on the People\'s Party.', 'Third passage with a typo: Kianory.', 'Fourth passage, to be deleted.', 'Fifth passage, the last.'];

const build = (passages: string[], lock?: string) =>
  buildEdition(files({ 'sources/doc.txt': SOURCE_META + passages.join('\n\n') + '\n', ...(lock ? { 'annotations/passages/doc.yml': lock } : {}) }));

describe('permanent passage ids', () => {
  it('a new source gets p1…pN and a lock to commit', () => {
    const e = build(v1);
    const doc = e.documents[0]!;
    expect(doc.passages.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(doc.lockChanged).toBe(true);
    expect(build(v1, doc.lockText).documents[0]!.lockChanged).toBe(false);
  });

  it('insert at the top, correct a word, delete a passage: every survivor keeps its id and text, no id is reused, the deleted one resolves', () => {
    const first = build(v1).documents[0]!;
    const before = new Map(first.passages.map((p) => [p.text, p.id]));
    const v2 = ['A new opening passage.', v1[0]!, v1[1]!, 'Third passage with a typo: Kianouri.', v1[4]!];
    const second = build(v2, first.lockText);
    const doc = second.documents[0]!;
    const ids = doc.passages.map((p) => p.id);
    // Unchanged passages keep their ids.
    for (const p of doc.passages) if (before.has(p.text)) expect(p.id).toBe(before.get(p.text));
    // The corrected passage keeps its id.
    expect(doc.passages[3]!.id).toBe('p3');
    // The inserted passage takes a new id that was never used.
    expect(ids[0]).toBe('p0a');
    expect(new Set(ids).size).toBe(ids.length);
    // The deleted passage's id is a tombstone that leads to its nearest survivor.
    expect(ids).not.toContain('p4');
    expect(doc.tombstones.get('p4')).toBe('p5');
    expect(second.problems.find((p) => p.severity === 'warning')!.message).toContain('Passage p4 of sources/doc.txt was deleted; links to #p4 now lead to #p5');
    // A third version: an insertion after p1 and a new passage where p4 was; p4 is never reused.
    const v3 = [v2[0]!, v1[0]!, 'Inserted after the first.', v1[1]!, v2[3]!, 'Another new passage.', v1[4]!];
    const third = build(v3, doc.lockText).documents[0]!;
    expect(third.passages.map((p) => p.id)).toEqual(['p0a', 'p1', 'p1a', 'p2', 'p3', 'p3a', 'p5']);
    expect(third.tombstones.get('p4')).toBe('p5');
  });

  it('a damaged lock is refused with a way to fix it', () => {
    const e = build(v1, 'passages: nonsense\n');
    expect(e.problems.find((p) => p.file === 'annotations/passages/doc.yml')!.message).toContain('Restore it from git');
  });

  it('CI refuses a missing or stale lock', () => {
    const e = buildEdition(files({ 'sources/doc.txt': SOURCE_META + v1.join('\n\n') }), { requireLocks: true });
    expect(e.problems[0]).toMatchObject({ file: 'annotations/passages/doc.yml', severity: 'error' });
    expect(e.problems[0]!.message).toContain('is missing. Only if this is a new source: run npm run check locally and commit annotations/passages/doc.yml. If the source was published before, restore its lock from git');
  });

  it('assignPassageIds keeps ids of passages that moved', () => {
    const a = assignPassageIds(['a a a', 'b b b', 'c c c'], undefined);
    const b = assignPassageIds(['c c c', 'a a a', 'b b b'], a.lock);
    expect(b.ids).toEqual(['p3', 'p1', 'p2']);
    expect(b.deleted).toEqual([]);
  });
});
