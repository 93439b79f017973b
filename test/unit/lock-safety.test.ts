/**
 * Passage numbers are never destroyed silently (issue 21): a lock that exists but cannot be used
 * is an error and is never replaced by a new one; a merge conflict is resolved by keeping both
 * sides' ids; a missing lock is created only for a source no other lock names, and is an error
 * in CI. Locks of long sources have a limit of their own (a 400 KB source builds and locks).
 * Pure functions over in-memory files; what reaches the disk is in write-safety.test.ts.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assignPassageIds, buildEdition, type Edition, type RawFile } from '../../src/edition/index.ts';
import { formatLock, sourceDigest } from '../../src/edition/lock-file.ts';
import type { LockedPassage } from '../../src/edition/passage-ids.ts';
import { MAX_ANNOTATION_BYTES, MAX_SOURCE_BYTES, maxLockBytes } from '../../src/edition/stages/classify.ts';
import { SOURCE_META, files } from '../helpers/edition.ts';
import { prng } from '../../scripts/bench/corpus.ts';

const SOURCE = 'sources/doc-2000.txt';
const LOCK = 'annotations/passages/doc-2000.yml';
const body = (...passages: string[]) => `${passages.join('\n\n')}\n`;
const build = (bodyText: string, lock?: string | Uint8Array, options = {}, more: Record<string, string> = {}) =>
  buildEdition(files({ [SOURCE]: SOURCE_META + bodyText, ...(lock === undefined ? {} : { [LOCK]: lock }), ...more }), options);
const errorsAt = (e: Edition, file: string) => e.problems.filter((p) => p.file === file && p.severity === 'error');
const read = (text: string) => parse(text) as { source_sha256: string; passages: LockedPassage[] };

const v1 = body('First passage.', 'Second passage.', 'Third passage.');
const lockV1 = build(v1).documents[0]!.lockText;

describe('a lock that exists but cannot be used is an error, and is never replaced', () => {
  const cases: [string, string | Uint8Array, string][] = [
    ['not YAML', lockV1.replace('  - id: p2\n', '  - id: p2\n   - ['), 'it cannot be read as YAML. Restore it from git (git checkout -- annotations/passages/doc-2000.yml)'],
    ['empty', '', 'This passage-id lock is empty: it records no passage. Restore it from git'],
    ['blank', '\n\n  \n', 'This passage-id lock is empty'],
    ['only its header', lockV1.slice(0, lockV1.indexOf('source_sha256')), 'This passage-id lock is empty'],
    ['with no passages', `source_sha256: ${sourceDigest(v1)}\npassages: []\n`, 'This passage-id lock is empty'],
    ['not UTF-8', new Uint8Array([0x70, 0x61, 0xff, 0x0a]), 'This passage-id lock is damaged: it is not valid UTF-8. Restore it from git'],
    ['a passage without text', lockV1.replace('    text: Second passage.\n', ''), 'This passage-id lock is damaged. Restore it from git'],
    ['a text that is not text', lockV1.replace('text: Second passage.', 'text: [Second passage.]'), 'This passage-id lock is damaged.'],
    ['a tombstone without successor', lockV1.replace('    text: Second passage.\n', '    deleted: {}\n'), 'This passage-id lock is damaged.'],
    ['a bad id', lockV1.replace('id: p2', 'id: P2'), 'This passage-id lock is damaged.'],
    ['a digest that is not text', lockV1.replace(/source_sha256: .*/, 'source_sha256: [a]'), 'This passage-id lock is damaged.'],
  ];
  for (const [what, lock, message] of cases) {
    it(`a lock ${what}`, () => {
      for (const requireLocks of [false, true]) {
        // The source changed too: a usable lock would be rewritten.
        const e = build(body('First passage.', 'Second passage, corrected.', 'Third passage.'), lock, { requireLocks });
        const found = errorsAt(e, LOCK);
        expect(found, what).toHaveLength(1);
        expect(found[0]!.message).toContain(message);
        expect(found[0]!.message).toContain('a new lock would renumber passages already published');
        expect(e.documents[0]!.lockChanged).toBe(false);
      }
    });
  }

  it('says where YAML stops making sense', () => {
    const damaged = lockV1.replace('  - id: p2\n', '  - id: p2\n   - [');
    const e = build(v1, damaged);
    expect(errorsAt(e, LOCK)[0]).toMatchObject({ line: damaged.split('\n').indexOf('   - [    text: Second passage.') + 1 });
  });

  it('a lock that is a symbolic link, or too large, is reported once and not replaced, in CI as well', () => {
    for (const requireLocks of [false, true]) {
      const link: RawFile = { path: LOCK, bytes: new Uint8Array(0), notRead: 'symlink' };
      const e = buildEdition([...files({ [SOURCE]: SOURCE_META + v1 }), link], { requireLocks });
      expect(errorsAt(e, LOCK).map((p) => [p.line, p.col, p.message])).toEqual([
        [1, 1, 'This is a symbolic link, which the edition never follows (a link can lead outside the edition, or round in a loop): it was not read. Replace the link with the file itself (or a folder with its files).'],
      ]);
      expect(e.documents[0]!.lockChanged).toBe(false);
      const huge = `${lockV1}${'# padding\n'.repeat(30_000)}`;
      const big = build(v1, huge, { requireLocks });
      expect(errorsAt(big, LOCK).map((p) => p.message)).toEqual([
        `This passage-id lock is ${Math.round(huge.length / 1024)} KB, over the limit of ${Math.round(maxLockBytes(new TextEncoder().encode(SOURCE_META + v1)) / 1024)} KB for the lock of sources/doc-2000.txt; npm run check never writes one so large. Restore it from git (git checkout -- annotations/passages/doc-2000.yml); never edit it by hand.`,
      ]);
      expect(big.documents[0]!.lockChanged).toBe(false);
    }
  });
});

describe('a lock with merge-conflict markers', () => {
  // Two branches each insert a passage after the first one, so both give it p1a.
  const ours = body('First passage.', 'Ours, inserted.', 'Second passage.', 'Third passage.');
  const theirs = body('First passage.', 'Theirs, inserted.', 'Second passage.', 'Third passage.');
  const lockOurs = build(ours, lockV1).documents[0]!.lockText;
  const lockTheirs = build(theirs, lockV1).documents[0]!.lockText;
  const merged = body('First passage.', 'Ours, inserted.', 'Theirs, inserted.', 'Second passage.', 'Third passage.');
  // As `git merge` leaves it (git merge-file's output for these three locks): one conflict on
  // the digest, one on the text under the `- id: p1a` line both sides wrote.
  const header = lockV1.slice(0, lockV1.indexOf('source_sha256'));
  const lock =
    `${header}<<<<<<< HEAD\nsource_sha256: ${sourceDigest(ours)}\n=======\nsource_sha256: ${sourceDigest(theirs)}\n>>>>>>> other-branch\n` +
    'passages:\n  - id: p1\n    text: First passage.\n  - id: p1a\n<<<<<<< HEAD\n    text: Ours, inserted.\n=======\n    text: Theirs, inserted.\n>>>>>>> other-branch\n' +
    '  - id: p2\n    text: Second passage.\n  - id: p3\n    text: Third passage.\n';

  it('the two sides are what a build writes', () => {
    const side = (keep: 'ours' | 'theirs') => {
      let state: 'both' | 'ours' | 'theirs' = 'both';
      return lock
        .split('\n')
        .filter((l) => {
          if (l.startsWith('<<<<<<<')) state = 'ours';
          else if (l.startsWith('=======')) state = 'theirs';
          else if (l.startsWith('>>>>>>>')) state = 'both';
          else return state === 'both' || state === keep;
          return false;
        })
        .join('\n');
    };
    expect(side('ours')).toBe(lockOurs);
    expect(side('theirs')).toBe(lockTheirs);
  });

  it("is an error at the first marker, saying to keep both sides' ids, and is not replaced", () => {
    const e = build(merged, lock);
    expect(errorsAt(e, LOCK)).toEqual([
      {
        file: LOCK,
        line: lock.split('\n').indexOf('<<<<<<< HEAD') + 1,
        col: 1,
        severity: 'error',
        message:
          "This passage-id lock has merge-conflict markers (<<<<<<<, =======, >>>>>>>). Resolve the conflict by keeping both sides' ids: delete the marker lines, keep one of the two `source_sha256:` lines, and keep both sides' entries whole (an entry is a `- id:` line with the `text:` or `deleted:` lines under it; where the two sides have different texts under one `- id:` line, write that line again above the second text). Then run npm run check: it numbers the merged source from both sides' ids. Never resolve it by deleting the lock or taking one side's: that would renumber passages already published.",
      },
    ]);
    expect(e.documents[0]!.lockChanged).toBe(false);
  });

  it('resolved as it says, keeps every id: the id both sides gave goes to one passage, the other passage takes a new one', () => {
    const resolved =
      `${header}source_sha256: ${sourceDigest(ours)}\n` +
      'passages:\n  - id: p1\n    text: First passage.\n  - id: p1a\n    text: Ours, inserted.\n  - id: p1a\n    text: Theirs, inserted.\n' +
      '  - id: p2\n    text: Second passage.\n  - id: p3\n    text: Third passage.\n';
    const e = build(merged, resolved);
    expect(e.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const doc = e.documents[0]!;
    expect(doc.passages.map((p) => [p.id, p.text])).toEqual([
      ['p1', 'First passage.'],
      ['p1a', 'Ours, inserted.'],
      ['p1b', 'Theirs, inserted.'],
      ['p2', 'Second passage.'],
      ['p3', 'Third passage.'],
    ]);
    expect(doc.lockChanged).toBe(true);
    // The new lock holds every id once, and stands as it is at the next check.
    expect(read(doc.lockText).passages.map((p) => p.id)).toEqual(['p1', 'p1a', 'p1b', 'p2', 'p3']);
    expect(build(merged, doc.lockText).documents[0]!.lockChanged).toBe(false);
  });

  it('a passage one side deleted and the other kept lives on, with no tombstone beside it', () => {
    const lockDeleted = build(body('First passage.', 'Third passage.'), lockV1).documents[0]!.lockText;
    expect(lockDeleted).toContain('  - id: p2\n    deleted:\n      successor: p3\n');
    // Both sides' entries, one digest: p2 with its text (ours), and p2's tombstone (theirs).
    const both = `${lockV1}  - id: p2\n    deleted:\n      successor: p3\n`;
    expect(read(both).passages.filter((p) => p.id === 'p2')).toHaveLength(2);
    const doc = build(v1, both).documents[0]!;
    expect(doc.passages.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(doc.tombstones.size).toBe(0);
  });

  it('assignPassageIds never gives one id to two passages, whatever the lock holds', () => {
    const next = prng(11);
    const words = ['a a a', 'b b b', 'c c c', 'd d d', 'e e e'];
    for (let round = 0; round < 200; round++) {
      const lock: LockedPassage[] = Array.from({ length: 1 + Math.floor(next() * 6) }, () => ({ id: `p${1 + Math.floor(next() * 3)}`, text: words[Math.floor(next() * words.length)]! }));
      const texts = Array.from({ length: 1 + Math.floor(next() * 6) }, () => words[Math.floor(next() * words.length)]!);
      const { ids, tombstones } = assignPassageIds(texts, lock);
      expect(new Set(ids).size, JSON.stringify({ lock, texts })).toBe(ids.length);
      for (const id of ids) expect(tombstones.has(id)).toBe(false);
    }
  });
});

describe('a missing lock', () => {
  it('is created for a new source, outside CI', () => {
    const e = build(v1);
    expect(e.problems).toEqual([]);
    expect(e.documents[0]!.lockChanged).toBe(true);
  });

  it('is an error in CI, saying to run check only for a new source and otherwise to restore it from git', () => {
    const e = build(v1, undefined, { requireLocks: true });
    expect(errorsAt(e, LOCK).map((p) => p.message)).toEqual([
      'The passage-id lock for sources/doc-2000.txt is missing. Only if this is a new source: run npm run check locally and commit annotations/passages/doc-2000.yml. If the source was published before, restore its lock from git instead (git checkout -- annotations/passages/doc-2000.yml, or from the last commit that had it): a new lock would renumber its passages.',
    ]);
  });

  it('is not created when another lock names its source (the lock was renamed)', () => {
    for (const requireLocks of [false, true]) {
      const e = build(v1, undefined, { requireLocks }, { 'annotations/passages/renamed.yml': lockV1 });
      expect(errorsAt(e, LOCK).map((p) => p.message)).toEqual([
        "The passage-id lock for sources/doc-2000.txt is missing, and annotations/passages/renamed.yml holds this source's passage ids. If you renamed the lock, rename it back (git mv annotations/passages/renamed.yml annotations/passages/doc-2000.yml); if you renamed the source, rename the lock with it. Never let a new lock be made: it would renumber passages already published.",
      ]);
      expect(errorsAt(e, 'annotations/passages/renamed.yml')).toHaveLength(1);
      expect(e.documents[0]!.lockChanged).toBe(false);
    }
  });
});

describe('locks of long sources', () => {
  /** A source of `bytes` bytes: prose passages of 40–120 words separated by blank lines. */
  const longSource = (bytes: number, seed: number) => {
    const next = prng(seed);
    const vocabulary = ['the', 'cable', 'party', 'committee', 'Kuybyshev', 'December', 'trial', 'confession', 'Tehran', 'comrade', 'sent', 'from', 'and', 'of', 'کیانوری'];
    const passages: string[] = [];
    let size = 0;
    for (let n = 1; size < bytes - SOURCE_META.length; n++) {
      const words = Array.from({ length: 40 + Math.floor(next() * 80) }, () => vocabulary[Math.floor(next() * vocabulary.length)]);
      const passage = `${n}. ${words.join(' ')}.`;
      passages.push(passage);
      size += Buffer.byteLength(passage) + 2;
    }
    return passages;
  };

  it('a 400 KB source builds and locks: its lock, over the annotation limit, is read back and kept', () => {
    const passages = longSource(400 * 1024, 3);
    const text = body(...passages);
    const first = build(text);
    expect(first.problems).toEqual([]);
    const lock = first.documents[0]!.lockText;
    expect(Buffer.byteLength(lock)).toBeGreaterThan(MAX_ANNOTATION_BYTES);
    const again = build(text, lock, { requireLocks: true });
    expect(again.problems).toEqual([]);
    expect(again.documents[0]!.lockChanged).toBe(false);
    expect(again.documents[0]!.passages.map((p) => p.id)).toEqual(passages.map((_, i) => `p${i + 1}`));
    // Edited: a correction, an insertion and a deletion keep every other id.
    const edited = [...passages];
    edited[10] = edited[10]!.replace('the', 'THE');
    edited.splice(20, 0, 'A passage inserted.');
    edited.splice(31, 1);
    const next = build(body(...edited), lock);
    expect(next.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const ids = next.documents[0]!.passages.map((p) => p.id);
    expect(ids.slice(0, 22)).toEqual([...passages.slice(0, 20).map((_, i) => `p${i + 1}`), 'p20a', 'p21']);
    expect(ids).not.toContain('p31');
    expect(ids.at(-1)).toBe(`p${passages.length}`);
  });

  it('no lock written for a source within its limit is over the lock limit: short lines, escapes, Persian', () => {
    const lines = (n: number, line: string) => Array.from({ length: n }, (_, i) => (i % 2 ? line : `${line}${i}`));
    for (const shape of [lines(20_000, 'a'), lines(10_000, '\u0001\t'), lines(8_000, '"\'\\'), lines(8_000, 'کی'), lines(5_000, ': - # |')]) {
      const source = `${SOURCE_META.replace('passages: blank-line', 'passages: line')}${shape.join('\n')}\n`;
      const bytes = new TextEncoder().encode(source);
      expect(bytes.length).toBeLessThan(MAX_SOURCE_BYTES);
      const lock = formatLock('doc-2000', shape.map((t, i) => ({ id: `p${i + 1}`, text: t })), sourceDigest(source));
      expect(Buffer.byteLength(lock) - MAX_ANNOTATION_BYTES, shape[0]).toBeLessThan(maxLockBytes(bytes) - MAX_ANNOTATION_BYTES);
    }
  });
});
