/**
 * Succession of passage ids (issue 21, item 3): after a merge, a split or a restore, published
 * links still land on the words they were made for. Merges, splits and restores are found from
 * the texts when the words are kept (even lightly edited), and an editor can declare them in the
 * lock (`succession:`) when they are not; `npm run check` says in words what changed in the ids.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEdition, type Edition } from '../../src/edition/index.ts';
import { ROOT } from '../helpers/build.ts';
import { SOURCE_META, files } from '../helpers/edition.ts';

const SOURCE = 'sources/doc.txt';
const LOCK = 'annotations/passages/doc.yml';
const body = (...passages: string[]) => `${passages.join('\n\n')}\n`;
const build = (text: string, lock?: string) => buildEdition(files({ [SOURCE]: SOURCE_META + text, ...(lock === undefined ? {} : { [LOCK]: lock }) }));
const ids = (e: Edition) => e.documents[0]!.passages.map((p) => p.id);
const tombstones = (e: Edition) => Object.fromEntries(e.documents[0]!.tombstones);
const errorsIn = (e: Edition) => e.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line}:${p.col} ${p.message}`);
const warningsIn = (e: Edition) => e.problems.filter((p) => p.severity === 'warning').map((p) => p.message);
const changes = (e: Edition) => e.documents[0]!.idChanges;

// A comment thread: each comment a title and its words, as in the 2012 thread.
const P = [
  'Comment by Ahmad, 3 March.',
  'The confession was read from a script; every sentence was written for him.',
  'He had been tortured for months before the cameras were brought in.',
  'Comment by Maryam, 4 March.',
  'My uncle was in Evin in those years and said the same of every broadcast.',
  'Nobody who knew the prison believed a word of it.',
];
const v1 = body(...P);
const lockV1 = build(v1).documents[0]!.lockText;

describe('merge', () => {
  it('two passages merged into one: the merged passage keeps the first id, and the second id leads to it, not to the next comment', () => {
    const e = build(body(P[0]!, `${P[1]}\n${P[2]}`, P[3]!, P[4]!, P[5]!), lockV1);
    expect(errorsIn(e)).toEqual([]);
    expect(ids(e)).toEqual(['p1', 'p2', 'p4', 'p5', 'p6']);
    expect(tombstones(e)).toEqual({ p3: 'p2' });
    expect(warningsIn(e)).toEqual([]);
    expect(changes(e)).toEqual(['p2 and p3 were merged into one passage, which keeps p2: links to #p3 now lead to it.']);
  });
  it('merged and lightly edited: still a merge, whichever part is the longer', () => {
    const long = 'He had been tortured for months, beaten and kept awake, before the cameras were finally brought in to film him.';
    const v = body(P[0]!, 'Short first part.', long, P[3]!);
    const lock = build(v).documents[0]!.lockText;
    const e = build(body(P[0]!, `Short first part, ${long.replace('beaten', 'beaten daily')}`, P[3]!), lock);
    expect(ids(e)).toEqual(['p1', 'p2', 'p4']);
    expect(tombstones(e)).toEqual({ p3: 'p2' });
    expect(changes(e)).toEqual(['p2 and p3 were merged into one passage, which keeps p2: links to #p3 now lead to it.']);
  });
  it('four passages merged into one', () => {
    const e = build(body(P[0]!, P.slice(1, 5).join(' '), P[5]!), lockV1);
    expect(ids(e)).toEqual(['p1', 'p2', 'p6']);
    expect(tombstones(e)).toEqual({ p3: 'p2', p4: 'p2', p5: 'p2' });
  });
});

describe('split', () => {
  const [a, b] = ['The confession was read from a script;', 'every sentence was written for him.'];
  it('one passage split in two: the part with its opening words keeps its id, the rest gets a new suffixed id', () => {
    const e = build(body(P[0]!, a, b, ...P.slice(2)), lockV1);
    expect(errorsIn(e)).toEqual([]);
    expect(ids(e)).toEqual(['p1', 'p2', 'p2a', 'p3', 'p4', 'p5', 'p6']);
    expect(e.documents[0]!.passages[1]!.text).toBe(a);
    expect(changes(e)).toEqual(['p2 was split: its opening words keep p2, and the rest is the new passage p2a.']);
  });
  it('split with the second part the longer, and a word corrected', () => {
    const v = body(P[0]!, 'Short opening. And then a much longer second part that goes on and on about the broadcast and the prison.', P[3]!);
    const lock = build(v).documents[0]!.lockText;
    const e = build(body(P[0]!, 'Short opening.', 'And then a much longer second part that goes on and on about the broadcasts and the prison.', P[3]!), lock);
    expect(ids(e)).toEqual(['p1', 'p2', 'p2a', 'p3']);
    expect(e.documents[0]!.passages[1]!.text).toBe('Short opening.');
  });
  it('split in three', () => {
    const e = build(body(P[0]!, 'The confession was read', 'from a script; every sentence', 'was written for him.', ...P.slice(2)), lockV1);
    expect(ids(e)).toEqual(['p1', 'p2', 'p2a', 'p2b', 'p3', 'p4', 'p5', 'p6']);
    expect(changes(e)).toEqual(['p2 was split: its opening words keep p2, and the rest is in the new passages p2a and p2b.']);
  });
});

describe('restore', () => {
  it('a passage deleted, then restored (a revert): it gets its old id back', () => {
    const deleted = build(body(...P.slice(0, 2), ...P.slice(3)), lockV1);
    expect(tombstones(deleted)).toEqual({ p3: 'p4' });
    expect(warningsIn(deleted)[0]).toContain('Passage p3 of sources/doc.txt was deleted; links to #p3 now lead to #p4.');
    const restored = build(v1, deleted.documents[0]!.lockText);
    expect(ids(restored)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(tombstones(restored)).toEqual({});
    expect(changes(restored)).toEqual(['p3 is back: the passage deleted as p3 has its id again.']);
    expect(restored.documents[0]!.lockText).toBe(lockV1);
  });
  it("a deleted passage's text is kept in the lock, so that it can come back", () => {
    const deleted = build(body(...P.slice(0, 2), ...P.slice(3)), lockV1);
    const lock = parse(deleted.documents[0]!.lockText) as { passages: { id: string; text?: string; deleted?: { successor: string } }[] };
    expect(lock.passages.find((p) => p.id === 'p3')).toEqual({ id: 'p3', deleted: { successor: 'p4' }, text: P[2] });
  });
});

describe('declared in the lock, when the texts cannot tell', () => {
  const withSuccession = (lock: string, succession: string) => lock.replace(/^source_sha256:/m, `succession:\n${succession}source_sha256:`);
  it('merge: [p2, p3] for a merged passage rewritten beyond recognition', () => {
    const e = build(body(P[0]!, 'He read a script he had not written, after months of torture.', ...P.slice(3)), withSuccession(lockV1, '  - merge: [p2, p3]\n'));
    expect(errorsIn(e)).toEqual([]);
    expect(ids(e)).toEqual(['p1', 'p2', 'p4', 'p5', 'p6']);
    expect(tombstones(e)).toEqual({ p3: 'p2' });
    // The declaration is applied and recorded: the lock no longer holds it.
    expect(e.documents[0]!.lockText).not.toMatch(/^succession:/m);
    expect(changes(e)).toEqual(['p2 and p3 were merged into one passage, which keeps p2: links to #p3 now lead to it.']);
  });
  it('split: p2 for a passage split and rewritten', () => {
    const e = build(body(P[0]!, 'The confession: a script.', 'Each sentence of it written for him by others.', ...P.slice(2)), withSuccession(lockV1, '  - split: p2\n'));
    expect(errorsIn(e)).toEqual([]);
    expect(ids(e)).toEqual(['p1', 'p2', 'p2a', 'p3', 'p4', 'p5', 'p6']);
  });
  it('restore: p3 for a deleted passage restored with changes', () => {
    const deleted = build(body(...P.slice(0, 2), ...P.slice(3)), lockV1).documents[0]!.lockText;
    const e = build(body(P[0]!, P[1]!, 'He had been tortured for many months before they brought the cameras.', ...P.slice(3)), withSuccession(deleted, '  - restore: p3\n'));
    expect(errorsIn(e)).toEqual([]);
    expect(ids(e)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(tombstones(e)).toEqual({});
  });
  it('declared after the check had recorded the change: a deletion becomes a merge, a new number gives way to the restored one', () => {
    // The second passage's words were rewritten as it was merged: the check takes it for a deletion.
    const text = body(P[0]!, `${P[1]} Then they filmed him, for weeks on end.`, ...P.slice(3));
    const rewritten = build(text, lockV1);
    expect(tombstones(rewritten)).toEqual({ p3: 'p4' });
    const merged = build(text, withSuccession(rewritten.documents[0]!.lockText, '  - merge: [p2, p3]\n'));
    expect(errorsIn(merged)).toEqual([]);
    expect(ids(merged)).toEqual(['p1', 'p2', 'p4', 'p5', 'p6']);
    expect(tombstones(merged)).toEqual({ p3: 'p2' });
    expect(changes(merged)).toEqual(['p2 and p3 were merged into one passage, which keeps p2: links to #p3 now lead to it.']);

    const deleted = build(body(...P.slice(0, 2), ...P.slice(3)), lockV1).documents[0]!.lockText;
    const back = body(P[0]!, P[1]!, 'He had been tortured for many months before the cameras were brought in.', ...P.slice(3));
    const renumbered = build(back, deleted);
    expect(ids(renumbered)).toEqual(['p1', 'p2', 'p2a', 'p4', 'p5', 'p6']);
    const restored = build(back, withSuccession(renumbered.documents[0]!.lockText, '  - restore: p3\n'));
    expect(errorsIn(restored)).toEqual([]);
    expect(ids(restored)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(tombstones(restored)).toEqual({ p2a: 'p3' });
    expect(changes(restored)).toEqual(['p3 is back: the passage deleted as p3 has its id again.', 'p2a gives way to p3: the passage it numbered is the one deleted as p3, and links to #p2a now lead to it.']);
  });
  it('a declaration that does not fit the text is an error at its line, and nothing is recorded', () => {
    const lock = withSuccession(lockV1, '  - merge: [p2, p4]\n  - split: p9\n  - restore: p1\n  - mrege: [p2, p3]\n');
    const e = build(body(P[0]!, 'Something else entirely.', ...P.slice(3)), lock);
    const line = (s: string) => lock.split('\n').indexOf(s) + 1;
    expect(errorsIn(e).sort((a, b) => Number(a.split(':')[1]) - Number(b.split(':')[1]))).toEqual([
      `${LOCK}:${line('  - merge: [p2, p4]')}:5 merge: [p2, p4] names passages that do not follow one another (p2, p3, p4 do): a merge joins neighbours. Name them all, in order.`,
      `${LOCK}:${line('  - split: p9')}:5 split: p9: there is no passage p9 in this lock.`,
      `${LOCK}:${line('  - restore: p1')}:5 restore: p1: p1 is not a deleted passage; only a deleted passage can be restored.`,
      `${LOCK}:${line('  - mrege: [p2, p3]')}:5 Write each entry under succession: as merge: [p21, p22] (passages now one), split: p16 (a passage now two or more) or restore: p7 (a deleted passage back). See docs/editing.md.`,
    ]);
    expect(e.documents[0]!.lockChanged).toBe(false);
  });
});

describe('npm run check says what changed in the ids, in words', () => {
  mkdirSync(join(ROOT, '.builds'), { recursive: true });
  const work = mkdtempSync(join(ROOT, '.builds', 'succession-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  it('merge, split, insertion and deletion, each in a sentence under the lock it records them in', () => {
    const root = join(work, 'edition');
    cpSync(join(ROOT, 'test/fixtures/editions/literal'), root, { recursive: true });
    rmSync(join(root, '.edition'), { recursive: true, force: true });
    writeFileSync(join(root, SOURCE), SOURCE_META + v1);
    writeFileSync(join(root, LOCK), lockV1);
    writeFileSync(join(root, SOURCE), SOURCE_META + body(P[0]!, `${P[1]}\n${P[2]}`, P[3]!, 'A new comment, inserted.', P[4]!));
    const env: Record<string, string | undefined> = { ...process.env };
    delete env.CI;
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/check.ts'), root], { cwd: ROOT, env, encoding: 'utf8' });
    const output = `${r.stdout}${r.stderr}`;
    expect(r.status, output).toBe(0);
    expect(output).toContain(
      `${LOCK}: passage ids recorded (commit this file with the source):\n` +
        '  p2 and p3 were merged into one passage, which keeps p2: links to #p3 now lead to it.\n' +
        '  p4a is a new passage, after p4.\n' +
        '  p6 was deleted: links to #p6 now lead to #p5.\n',
    );
    expect(readFileSync(join(root, LOCK), 'utf8')).toContain('- id: p4a');
  });
});
