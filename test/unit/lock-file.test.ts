import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { formatLock, keptAssignment, sameLock, sourceDigest } from '../../src/edition/lock-file.ts';
import * as passageIds from '../../src/edition/passage-ids.ts';
import type { LockedPassage } from '../../src/edition/passage-ids.ts';
import { buildEdition, loadEdition } from '../../src/edition/index.ts';
import { SOURCE_META, files } from '../helpers/edition.ts';
import { prng } from '../../scripts/bench/corpus.ts';

// Count the id assignments a build runs, while still running them.
vi.mock('../../src/edition/passage-ids.ts', async (original) => {
  const actual = await original<typeof import('../../src/edition/passage-ids.ts')>();
  return { ...actual, assignPassageIds: vi.fn(actual.assignPassageIds) };
});
const assignments = () => vi.mocked(passageIds.assignPassageIds).mock.calls.length;
beforeEach(() => {
  vi.mocked(passageIds.assignPassageIds).mockClear();
});

const read = (text: string) => parse(text, { uniqueKeys: true, strict: true }) as { source_sha256: string; passages: LockedPassage[] };
const DIGEST = sourceDigest('A body.\n');
const SLUG = 'doc-2000';
const SOURCE = 'sources/doc-2000.txt';
const LOCK = 'annotations/passages/doc-2000.yml';
const body = (...passages: string[]) => `${passages.join('\n\n')}\n`;
const build = (bodyText: string, lock?: string, options = {}) =>
  buildEdition(files({ [SOURCE]: SOURCE_META + bodyText, ...(lock === undefined ? {} : { [LOCK]: lock }) }), options);

describe('passage-id lock file: its text', () => {
  it('is the header, the source digest, then the passages and tombstones', () => {
    const text = formatLock(SLUG, [{ id: 'p1', text: 'One.' }, { id: 'p1a', text: 'Line one\nline two' }, { id: 'p2', deleted: { successor: 'p1' } }], DIGEST);
    expect(text).toBe(
      '# Permanent passage ids of sources/doc-2000.txt, kept by `npm run build` and `npm run check`.\n' +
        '# Commit this file with the source. Do not edit it (ids once published never change or get reused), except to\n' +
        '# declare under succession: that passages were merged, split or restored (docs/editing.md).\n' +
        `source_sha256: ${DIGEST}\n` +
        'passages:\n' +
        '  - id: p1\n' +
        '    text: One.\n' +
        '  - id: p1a\n' +
        '    text: |-\n' +
        '      Line one\n' +
        '      line two\n' +
        '  - id: p2\n' +
        '    deleted:\n' +
        '      successor: p1\n',
    );
    expect(formatLock(SLUG, [], DIGEST)).toMatch(/\npassages: \[\]\n$/);
  });

  it('reads back as written, for ordinary prose, Persian and tombstones', () => {
    const lock: LockedPassage[] = [
      { id: 'p1', text: 'December 9, 1941' },
      { id: 'p2', text: 'Confessions: Noureddin Kianouri' },
      { id: 'p3', text: 'HomeIran News & Resistance — “the MEK” (2021) #1' },
      { id: 'p3a', text: 'کیانوری گفت: «ما اشتباه کردیم»' },
      { id: 'p4', text: "it's 12 o'clock" },
      { id: 'p5', text: '"Quoted," he said.' },
      { id: 'p5a', text: 'A verse line: with a colon\n  # indented, not a comment\n\nafter an empty line' },
      { id: 'p6', deleted: { successor: 'p5' } },
    ];
    expect(read(formatLock(SLUG, lock, DIGEST))).toEqual({ source_sha256: DIGEST, passages: lock });
  });

  it('reads back as written, for texts full of YAML indicators, quotes, escapes and odd characters', () => {
    const pieces = ['word', ' ', '  ', ': ', ':', ' #', '#', '- ', '-', '? ', '[', ']', '{', '}', ',', '&a', '*a', '!', '!!str', '|', '>', "'", '"', '\\', '%', '@', '`', '\t', '\n', '\r', '\u0085', '\u2028', '\u00a0', ' \u00a0', '\u00a0 ', '\ufeff', 'null', 'true', 'False', '~', '12', '0x1F', '1e3', '.5', '.inf', '.NaN', '2001-12-14', 'یک', '«', '»', '’', '\u200c', '\ud83d\ude00', '\u0000', '\u007f', 'No 1-001'];
    const next = prng(7);
    for (let round = 0; round < 300; round++) {
      const lock: LockedPassage[] = [];
      for (let i = 1; i <= 6; i++) {
        let text = '';
        const n = 1 + Math.floor(next() * 5);
        for (let k = 0; k < n; k++) text += pieces[Math.floor(next() * pieces.length)];
        lock.push(next() < 0.1 ? { id: `p${i}`, deleted: { successor: 'p1' } } : { id: `p${i}`, text });
      }
      const text = formatLock(SLUG, lock, DIGEST);
      expect(read(text), JSON.stringify(text)).toEqual({ source_sha256: DIGEST, passages: lock });
    }
  });

  it('records the SHA-256 of the source body', () => {
    expect(sourceDigest('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sourceDigest('کیانوری\n')).not.toBe(sourceDigest('کیانوری'));
  });
});

describe('passage-id lock file: ids kept as recorded', () => {
  const lock: LockedPassage[] = [{ id: 'p1', text: 'A' }, { id: 'p1a', text: 'B' }, { id: 'p2', deleted: { successor: 'p1a' } }];

  it('takes ids and tombstones as they are when the living passages are the texts', () => {
    expect(keptAssignment(lock, ['A', 'B'])).toEqual({ ids: ['p1', 'p1a'], tombstones: new Map([['p2', 'p1a']]), lock, corrected: [], inserted: [], deleted: [], merged: [], split: [], restored: [], renumbered: [], refused: [] });
    expect(keptAssignment(lock, ['A', 'B'])).toEqual(passageIds.assignPassageIds(['A', 'B'], lock));
  });

  it('declines a lock whose passages are not the texts, or whose ids or tombstones do not hold together', () => {
    expect(keptAssignment(lock, ['A'])).toBeNull();
    expect(keptAssignment(lock, ['A', 'C'])).toBeNull();
    expect(keptAssignment(lock, ['B', 'A'])).toBeNull();
    expect(keptAssignment([{ id: 'p1', text: 'A' }, { id: 'p1', text: 'B' }], ['A', 'B'])).toBeNull();
    expect(keptAssignment([{ id: 'p1', text: 'A' }, { id: 'p2', deleted: { successor: 'p9' } }], ['A'])).toBeNull();
    expect(keptAssignment([{ id: 'p1', text: 'A' }, { id: 'p1', deleted: { successor: 'p1' } }], ['A'])).toBeNull();
  });

  it('compares locks by ids, texts and tombstones', () => {
    const a: LockedPassage[] = [{ id: 'p1', text: 'A' }, { id: 'p2', deleted: { successor: 'p1' } }];
    expect(sameLock(a, [{ id: 'p1', text: 'A' }, { id: 'p2', deleted: { successor: 'p1' } }])).toBe(true);
    expect(sameLock(a, [{ id: 'p1', text: 'B' }, { id: 'p2', deleted: { successor: 'p1' } }])).toBe(false);
    expect(sameLock(a, [{ id: 'p1', text: 'A' }, { id: 'p2', deleted: { successor: 'p3' } }])).toBe(false);
    expect(sameLock(a, [{ id: 'p1', text: 'A' }])).toBe(false);
    expect(sameLock([{ id: 'p1', text: '' }], [{ id: 'p1', deleted: { successor: 'p1' } }])).toBe(false);
  });
});

describe('passage-id lock file in a build', () => {
  const v1 = body('First passage.', 'Second passage.', 'Third passage.');

  it('a new source gets a lock with its body digest', () => {
    const doc = build(v1).documents[0]!;
    expect(doc.lockChanged).toBe(true);
    expect(read(doc.lockText)).toEqual({ source_sha256: sourceDigest(v1), passages: [{ id: 'p1', text: 'First passage.' }, { id: 'p2', text: 'Second passage.' }, { id: 'p3', text: 'Third passage.' }] });
  });

  it('a lock recorded for this very body is used as it is: no id assignment, no rewrite', () => {
    const lockText = build(v1).documents[0]!.lockText;
    vi.mocked(passageIds.assignPassageIds).mockClear();
    const again = build(v1, lockText).documents[0]!;
    expect(assignments()).toBe(0);
    expect(again.lockChanged).toBe(false);
    expect(again.lockText).toBe(lockText);
    expect(again.passages.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    // Even laid out otherwise than formatLock writes (a comment, quotes): it is not rewritten.
    const edited = lockText.replace('passages:\n', 'passages:\n  # reviewed\n').replace('text: Second passage.', 'text: "Second passage."');
    const kept = build(v1, edited).documents[0]!;
    expect(assignments()).toBe(0);
    expect(kept.lockChanged).toBe(false);
    expect(kept.lockText).toBe(edited);
  });

  it('tombstones recorded for this very body stand as they are', () => {
    const v2 = body('First passage.', 'Third passage.');
    const lockText = build(v2, build(v1).documents[0]!.lockText).documents[0]!.lockText;
    expect(read(lockText).passages).toEqual([{ id: 'p1', text: 'First passage.' }, { id: 'p3', text: 'Third passage.' }, { id: 'p2', deleted: { successor: 'p3' }, text: 'Second passage.' }]);
    vi.mocked(passageIds.assignPassageIds).mockClear();
    const e = build(v2, lockText);
    expect(assignments()).toBe(0);
    expect(e.documents[0]!.lockChanged).toBe(false);
    expect(e.documents[0]!.tombstones).toEqual(new Map([['p2', 'p3']]));
    // The deletion was reported when it happened, not again.
    expect(e.problems.filter((p) => p.file === LOCK)).toEqual([]);
  });

  it('an edited source changes the digest: ids are assigned again, and unchanged passages keep theirs', () => {
    const lockText = build(v1).documents[0]!.lockText;
    const v2 = body('First passage.', 'Second passage, corrected.', 'A new passage.', 'Third passage.');
    vi.mocked(passageIds.assignPassageIds).mockClear();
    const doc = build(v2, lockText).documents[0]!;
    expect(assignments()).toBe(1);
    expect(doc.passages.map((p) => p.id)).toEqual(['p1', 'p2', 'p2a', 'p3']);
    expect(doc.lockChanged).toBe(true);
    expect(read(doc.lockText).source_sha256).toBe(sourceDigest(v2));
  });

  it('a body edit that leaves the passages as they were only renews the digest, which CI does not require', () => {
    const lockText = build(v1).documents[0]!.lockText;
    const v2 = `${v1}\n\n`;
    const doc = build(v2, lockText).documents[0]!;
    expect(doc.passages.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(doc.lockChanged).toBe(true);
    expect(doc.lockText).toBe(lockText.replace(sourceDigest(v1), sourceDigest(v2)));
    expect(build(v2, lockText, { requireLocks: true }).problems.filter((p) => p.file === LOCK)).toEqual([]);
    // Passages that changed are another matter.
    expect(build(body('First passage.', 'Other.'), lockText, { requireLocks: true }).problems.find((p) => p.file === LOCK)?.message).toContain('is out of date');
  });

  it('the same body cut into other passages is not taken from the lock as it is', () => {
    const lines = 'One line.\nAnother line.\n';
    const lockText = build(lines).documents[0]!.lockText;
    const byLine = buildEdition(files({ [SOURCE]: SOURCE_META.replace('passages: blank-line', 'passages: line') + lines, [LOCK]: lockText })).documents[0]!;
    expect(read(lockText).passages).toHaveLength(1);
    expect(byLine.passages.map((p) => p.text)).toEqual(['One line.', 'Another line.']);
    expect(byLine.lockChanged).toBe(true);
  });

  it('a lock written before digests were recorded keeps every id, and gains the digest line only', () => {
    const lockText = build(v1).documents[0]!.lockText;
    const old = lockText.replace(/^source_sha256: .*\n/m, '');
    expect(old).not.toBe(lockText);
    const doc = build(v1, old).documents[0]!;
    expect(doc.passages.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(doc.lockText).toBe(lockText);
  });

  it('a damaged lock is an error, never read as no lock', () => {
    for (const damaged of ['passages: nonsense\n', 'passages:\n  - id: P1\n    text: First passage.\n', 'passages: [\n', `source_sha256: ${sourceDigest(v1)}\npassages:\n  - text: First passage.\n`]) {
      const e = build(v1, damaged);
      const found = e.problems.filter((p) => p.file === LOCK && p.severity === 'error');
      expect(found.length, damaged).toBeGreaterThan(0);
      if (damaged !== 'passages: [\n') expect(found[0]!.message, damaged).toContain('This passage-id lock is damaged. Restore it from git');
    }
  });

  it('every lock of the edition and the fixtures records its source body and is up to date', () => {
    const roots = ['.', 'test/fixtures/editions/literal', 'test/fixtures/editions/hostile'];
    let locks = 0;
    for (const root of roots) {
      vi.mocked(passageIds.assignPassageIds).mockClear();
      const e = loadEdition(join(process.cwd(), root));
      for (const doc of e.documents) {
        locks++;
        expect(doc.lockChanged, doc.lockFile).toBe(false);
        expect(read(doc.lockText).source_sha256, doc.lockFile).toBe(sourceDigest(doc.body));
      }
      expect(assignments(), root).toBe(0);
    }
    expect(locks).toBeGreaterThanOrEqual(5);
  });
});
