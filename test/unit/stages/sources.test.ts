/** Stage sources: segment, permanent passage ids from the lock, languages. */
import { describe, expect, it } from 'vitest';
import { Problems } from '../../../src/edition/problems.ts';
import type { RawFile } from '../../../src/edition/model.ts';
import { passagesOf, readSource, readSources } from '../../../src/edition/stages/sources.ts';
import { segment } from '../../../src/edition/segment.ts';
import { SOURCE_META } from '../../helpers/edition.ts';
import { lines, raw, worksCited } from '../../helpers/stages.ts';

const BODY = 'Alpha beta gamma.\n\nDelta epsilon.\n\nZeta eta theta.\n';
const source = (body = BODY, meta = SOURCE_META) => raw('sources/doc.txt', meta + body);
const read = (file: RawFile, lock: RawFile | undefined, p: Problems, requireLocks = false) => readSource(file, 'doc', lock, new Map(), worksCited(), p, requireLocks);

describe('readSource', () => {
  it('segments the body into numbered passages with their offsets, and writes a lock for them', () => {
    const p = new Problems();
    const doc = read(source(), undefined, p)!;
    expect(lines(p)).toEqual([]);
    expect(doc.passages.map((x) => [x.id, x.n, x.ordinal, x.text, doc.body.slice(x.start, x.end), x.role, x.lang])).toEqual([
      ['p1', '1', 1, 'Alpha beta gamma.', 'Alpha beta gamma.', 'text', 'en'],
      ['p2', '2', 2, 'Delta epsilon.', 'Delta epsilon.', 'text', 'en'],
      ['p3', '3', 3, 'Zeta eta theta.', 'Zeta eta theta.', 'text', 'en'],
    ]);
    expect([doc.slug, doc.file, doc.meta.title, doc.body]).toEqual(['doc', 'sources/doc.txt', 'A test source', BODY]);
    expect(doc.lockFile).toBe('annotations/passages/doc.yml');
    expect(doc.lockChanged).toBe(true);
    expect(doc.lockText).toContain('source_sha256');
  });

  it('keeps an up-to-date lock as it is, and keeps ids when a passage is deleted (with a tombstone)', () => {
    const first = read(source(), undefined, new Problems())!;
    const lock = raw(first.lockFile, first.lockText);
    const again = read(source(), lock, new Problems())!;
    expect(again.lockChanged).toBe(false);
    expect(again.lockText).toBe(first.lockText);
    const p = new Problems();
    const edited = read(source('Alpha beta gamma.\n\nZeta eta theta.\n'), lock, p)!;
    expect(edited.passages.map((x) => x.id)).toEqual(['p1', 'p3']);
    expect(edited.tombstones.get('p2')).toBeDefined();
    expect(edited.lockChanged).toBe(true);
    expect(lines(p)).toEqual([`annotations/passages/doc.yml:1:1 warning Passage p2 of sources/doc.txt was deleted; links to #p2 now lead to #${edited.tombstones.get('p2')}. Its id will never be reused. If its words are now part of another passage, restore this lock from git and declare the merge in it (succession: - merge: [...], docs/editing.md).`]);
  });

  it('a damaged lock is an error and is not replaced; a missing one is an error only when locks are required', () => {
    const p = new Problems();
    const damaged = read(source(), raw('annotations/passages/doc.yml', 'passages: [{ id: twelve }]\n'), p)!;
    expect(lines(p)).toEqual([
      'annotations/passages/doc.yml:1:1 error This passage-id lock is damaged. Restore it from git (git checkout -- annotations/passages/doc.yml) and run npm run check again; never edit it by hand, and never delete it: a new lock would renumber passages already published.',
    ]);
    expect(damaged.lockChanged).toBe(false);
    const q = new Problems();
    read(source(), undefined, q, true);
    expect(lines(q)).toEqual([
      'annotations/passages/doc.yml:1:1 error The passage-id lock for sources/doc.txt is missing. Only if this is a new source: run npm run check locally and commit annotations/passages/doc.yml. If the source was published before, restore its lock from git instead (git checkout -- annotations/passages/doc.yml, or from the last commit that had it): a new lock would renumber its passages.',
    ]);
  });

  it('checks register references among authors and recipients, and refuses an empty body', () => {
    const p = new Problems();
    const meta = SOURCE_META.replace('type: letter', 'type: letter\nauthors: [person:nobody, A Plain Name]');
    expect(read(source('', meta), undefined, p)).toBeNull();
    expect(lines(p)).toEqual([
      'sources/doc.txt:5:11 error Unknown register entry "person:nobody". Create annotations/people/nobody.md or write the name as plain text.',
      'sources/doc.txt:11:1 error This source has no text after its metadata.',
    ]);
  });
});

describe('passagesOf', () => {
  it('detects a Persian passage as right-to-left, and marks Persian words in an English passage', () => {
    const body = 'An English line with شاه inside.\n\nاین یک جمله فارسی است.\n';
    const [en, fa] = passagesOf(segment(body, 'blank-line'), ['p1', 'p2'], 'en');
    expect([fa!.lang, fa!.dir, fa!.spans]).toEqual(['fa', 'rtl', []]);
    expect([en!.lang, en!.dir]).toEqual(['en', 'ltr']);
    expect(en!.spans.map((s) => [body.slice(s.start, s.end), s.lang, s.dir])).toEqual([['شاه', 'fa', 'rtl']]);
  });
});

describe('readSources', () => {
  it('gives each document its anchor text, and reports a lock without a source', () => {
    const p = new Problems();
    const { documents, bySlug } = readSources(
      [{ file: source(), slug: 'doc' }],
      new Map([['gone', raw('annotations/passages/gone.yml', 'passages: []\n')]]),
      new Map(),
      worksCited(),
      p,
      false,
    );
    expect(documents.map((d) => d.slug)).toEqual(['doc']);
    expect(bySlug.get('doc')!.doc).toBe(documents[0]);
    expect(bySlug.get('doc')!.anchorText.original).toBe(BODY);
    expect(lines(p)).toEqual(['annotations/passages/gone.yml:1:1 error There is no source sources/gone.txt for this passage-id lock. If the source was renamed, rename the lock with it (git mv); if it was removed, remove the lock too (git rm), and should the source ever come back, restore both from git: its passage numbers come back with the lock.']);
  });
});
