import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatLock, readLock, sameLock } from '../../src/edition/lock-file.ts';
import type { LockedPassage } from '../../src/edition/passage-ids.ts';
import { buildEdition } from '../../src/edition/index.ts';
import { SOURCE_META, files, filesUnder } from '../helpers/edition.ts';
import { prng } from '../../scripts/bench/corpus.ts';

const yamlLock = (text: string) => (parse(text, { uniqueKeys: true, strict: true }) as { passages: LockedPassage[] }).passages;

describe('passage-id lock file', () => {
  it('reads every lock in the edition and the fixtures as the YAML library does', () => {
    const locks = filesUnder('annotations/passages', 'test/fixtures/editions').filter((f) => /annotations\/passages\/[^/]+\.yml$/.test(f.path));
    expect(locks.length).toBeGreaterThanOrEqual(5);
    for (const { path, text } of locks) {
      const slug = /([^/]+)\.yml$/.exec(path)![1]!;
      const fast = readLock(slug, text);
      expect(fast, path).not.toBeNull();
      expect(fast, path).toEqual(yamlLock(text));
    }
  });

  it('reads what it writes, or declines, for texts full of YAML indicators, quotes, escapes and odd characters', () => {
    const pieces = ['word', ' ', '  ', ': ', ':', ' #', '#', '- ', '-', '? ', '[', ']', '{', '}', ',', '&a', '*a', '!', '!!str', '|', '>', "'", '"', '\\', '%', '@', '`', '\t', '\n', '\r', '\u0085', '\u2028', '\u00a0', ' \u00a0', '\u00a0 ', '\ufeff', 'null', 'true', 'False', '~', '12', '0x1F', '1e3', '.5', '.inf', '.NaN', '2001-12-14', 'یک', '«', '»', '’', '\u200c', '\ud83d\ude00', '\ud800', '\u0000', '\u007f', 'No 1-001'];
    const next = prng(7);
    let fastRead = 0;
    for (let round = 0; round < 300; round++) {
      const lock: LockedPassage[] = [];
      for (let i = 1; i <= 6; i++) {
        let text = '';
        const n = 1 + Math.floor(next() * 5);
        for (let k = 0; k < n; k++) text += pieces[Math.floor(next() * pieces.length)];
        lock.push(next() < 0.1 ? { id: `p${i}`, deleted: { successor: 'p1' } } : { id: `p${i}`, text });
      }
      const text = formatLock('doc-1', lock);
      const fast = readLock('doc-1', text);
      if (fast === null) continue;
      fastRead++;
      expect(fast, JSON.stringify(text)).toEqual(yamlLock(text));
    }
    // Most generated locks hold some text the reader leaves to `yaml`; some must be read directly.
    expect(fastRead).toBeGreaterThan(5);
  });

  it('reads ordinary prose, Persian and tombstones directly', () => {
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
    const text = formatLock('kianouri-confession-2012', lock);
    expect(readLock('kianouri-confession-2012', text)).toEqual(lock);
    expect(readLock('kianouri-confession-2012', formatLock('kianouri-confession-2012', []))).toEqual([]);
  });

  it('declines any other layout, so that edited or damaged locks go through the YAML library', () => {
    const text = formatLock('doc-1', [{ id: 'p1', text: 'One.' }, { id: 'p2', text: 'Two.' }]);
    expect(readLock('doc-1', text)).not.toBeNull();
    for (const other of [
      text.replace('doc-1.txt', 'doc-2.txt'), // another source's header
      text.replace(/\n/g, '\r\n'),
      text.replace('passages:\n', 'passages:\n# a comment\n'),
      text.replace('    text: One.\n', '    text: One.\n      continued\n'), // a multi-line plain scalar
      text.replace('    text: One.\n', '    text: One.\n    note: x\n'),
      text.replace('    text: One.', '    text: One. # comment'),
      text.replace('    text: One.', '    text: "One." '),
      text.replace('    text: One.', '    text: "\\x41"'),
      text.replace('    text: One.', '    text: !!str One.'),
      text.replace('    text: One.', '    text: 1941'),
      text.replace('  - id: p2', '  - id: P2'),
      text.slice(0, -1), // no final line break
      text.replace('    text: One.', '    text: |-\n      One.\n'), // a literal block ending in an empty line
      text.replace('    text: One.', '    text: |-\n        One.'), // indented further than six spaces
      text.replace('    text: One.', '    text: |-\n      One.\n    Two.'),
    ]) {
      expect(readLock('doc-1', other), JSON.stringify(other)).toBeNull();
    }
  });

  it('compares locks by ids, texts and tombstones', () => {
    const a: LockedPassage[] = [{ id: 'p1', text: 'A' }, { id: 'p2', deleted: { successor: 'p1' } }];
    expect(sameLock(a, [{ id: 'p1', text: 'A' }, { id: 'p2', deleted: { successor: 'p1' } }])).toBe(true);
    expect(sameLock(a, [{ id: 'p1', text: 'B' }, { id: 'p2', deleted: { successor: 'p1' } }])).toBe(false);
    expect(sameLock(a, [{ id: 'p1', text: 'A' }, { id: 'p2', deleted: { successor: 'p3' } }])).toBe(false);
    expect(sameLock(a, [{ id: 'p1', text: 'A' }])).toBe(false);
    expect(sameLock([{ id: 'p1', text: '' }], [{ id: 'p1', deleted: { successor: 'p1' } }])).toBe(false);
  });

  it('keeps an unchanged lock as it is, and rewrites one whose passages changed', () => {
    const source = `${SOURCE_META}\nFirst passage.\n\nSecond passage.\n`;
    const first = buildEdition(files({ 'sources/doc-2000.txt': source }));
    const doc = first.documents[0]!;
    expect(doc.lockChanged).toBe(true);
    const again = buildEdition(files({ 'sources/doc-2000.txt': source, [doc.lockFile]: doc.lockText }));
    expect(again.documents[0]!.lockChanged).toBe(false);
    expect(again.documents[0]!.lockText).toBe(doc.lockText);
    const edited = buildEdition(files({ 'sources/doc-2000.txt': source.replace('Second passage.', 'Second passage.\n\nThird passage.'), [doc.lockFile]: doc.lockText }));
    expect(edited.documents[0]!.lockChanged).toBe(true);
    expect(readLock('doc-2000', edited.documents[0]!.lockText)?.map((p) => p.id)).toEqual(['p1', 'p2', 'p2a']);
  });
});
