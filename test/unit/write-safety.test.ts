/**
 * What reaches the disk, whatever a pull request contains (issue 21): the reader never follows a
 * symbolic link (never reads one, never loops); `npm run check` and the build write nothing when
 * they find an error (a damaged lock stays as it is, no new lock appears); the writers never write
 * through a link or outside the edition. Run over temporary copies of the literal fixture edition
 * in the project's .builds/ folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EditionError, loadEdition, readEditionFiles, writePassageLocks } from '../../src/edition/index.ts';
import { UnsafeWriteError } from '../../src/edition/load.ts';
import { generateEdition } from '../../src/integration/generate.ts';
import { writeDocumentsMdx } from '../../src/integration/write-mdx.ts';
import { ROOT } from '../helpers/build.ts';

const FIXTURE = join(ROOT, 'test/fixtures/editions/literal');
const SOURCE = 'sources/literal-2000.txt';
const LOCK = 'annotations/passages/literal-2000.yml';
const NEW_SOURCE = 'sources/added-2001.txt';
const NEW_LOCK = 'annotations/passages/added-2001.yml';

mkdirSync(join(ROOT, '.builds'), { recursive: true });
const work = mkdtempSync(join(ROOT, '.builds', 'write-safety-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let copies = 0;
/** A fresh copy of the literal edition, and a folder outside it. */
function copy(): { root: string; outside: string } {
  const dir = join(work, String(++copies));
  const root = join(dir, 'edition');
  cpSync(FIXTURE, root, { recursive: true });
  rmSync(join(root, '.edition'), { recursive: true, force: true });
  mkdirSync(join(dir, 'outside'));
  return { root, outside: join(dir, 'outside') };
}

/** The source edited (a line added) so that its lock, were it usable, would be rewritten; and a new source, whose lock would be created. */
function editSources(root: string): void {
  writeFileSync(join(root, SOURCE), `${readFileSync(join(root, SOURCE), 'utf8')}A line added by the test.\n`);
  writeFileSync(join(root, NEW_SOURCE), readFileSync(join(root, SOURCE), 'utf8').replace(/\n---\n[\s\S]*$/, '\n---\nA new source.\n'));
}

/** `npm run check` on `root`, outside CI. */
function check(root: string): { status: number; output: string } {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.CI;
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/check.ts'), root], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: r.status ?? 1, output: `${r.stdout}${r.stderr}` };
}

/** A file's bytes and modification time, to compare before and after. */
const snapshot = (path: string) => ({ bytes: readFileSync(path).toString('base64'), mtime: statSync(path).mtimeMs });

describe('npm run check and the build write nothing when they find an error', () => {
  it('a lock with merge-conflict markers stays as it is, and the new source gets no lock', () => {
    const { root } = copy();
    editSources(root);
    const lock = readFileSync(join(root, LOCK), 'utf8');
    const conflicted = lock.replace('  - id: p2\n', '<<<<<<< HEAD\n  - id: p2\n=======\n  - id: p2b\n>>>>>>> other-branch\n');
    writeFileSync(join(root, LOCK), conflicted);
    const before = snapshot(join(root, LOCK));

    const r = check(root);
    expect(r.status, r.output).toBe(1);
    expect(r.output).toContain(`${LOCK}:${conflicted.split('\n').indexOf('<<<<<<< HEAD') + 1}:1  error: This passage-id lock has merge-conflict markers`);
    expect(r.output).not.toContain('passage ids recorded');
    expect(snapshot(join(root, LOCK))).toEqual(before);
    expect(existsSync(join(root, NEW_LOCK))).toBe(false);

    // The build stops before writing anything: no lock, no generated page.
    expect(() => generateEdition(root)).toThrow(EditionError);
    expect(snapshot(join(root, LOCK))).toEqual(before);
    expect(existsSync(join(root, NEW_LOCK))).toBe(false);
    expect(existsSync(join(root, '.edition'))).toBe(false);
  });

  it('an empty lock stays empty, rather than becoming a new one', () => {
    const { root } = copy();
    writeFileSync(join(root, LOCK), '');
    const r = check(root);
    expect(r.status, r.output).toBe(1);
    expect(r.output).toContain(`${LOCK}:1:1  error: This passage-id lock is empty: it records no passage. Restore it from git (git checkout -- ${LOCK})`);
    expect(readFileSync(join(root, LOCK), 'utf8')).toBe('');
  });

  it('with no error, check records the new lock and the changed one', () => {
    const { root } = copy();
    editSources(root);
    const r = check(root);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain(`${LOCK}: passage ids recorded`);
    expect(r.output).toContain(`${NEW_LOCK}: passage ids recorded`);
    expect(readFileSync(join(root, NEW_LOCK), 'utf8')).toContain('  - id: p1\n    text: A new source.\n');
    expect(check(root).output).not.toContain('passage ids recorded');
  });
});

describe('symbolic links are never followed', () => {
  it('a lock linked to a file elsewhere: check reports it and neither reads nor writes the file', () => {
    const { root, outside } = copy();
    editSources(root);
    // The source's own lock, moved outside and linked: read through the link it would be valid.
    renameSync(join(root, LOCK), join(outside, 'literal.yml'));
    symlinkSync(join(outside, 'literal.yml'), join(root, LOCK));
    // The pull request's new source, with its lock linked to some file of the editor's.
    writeFileSync(join(outside, 'precious.txt'), 'Not the edition’s: must stay as it is.\n');
    symlinkSync(join(outside, 'precious.txt'), join(root, NEW_LOCK));
    const before = [snapshot(join(outside, 'literal.yml')), snapshot(join(outside, 'precious.txt'))];

    const r = check(root);
    expect(r.status, r.output).toBe(1);
    for (const path of [LOCK, NEW_LOCK]) {
      expect(r.output).toContain(`${path}:1:1  error: This is a symbolic link, which the edition never follows (a link can lead outside the edition, or round in a loop): it was not read. Replace the link with the file itself (or a folder with its files).`);
      expect(lstatSync(join(root, path)).isSymbolicLink()).toBe(true);
    }
    expect(r.output).not.toContain('is missing');
    expect([snapshot(join(outside, 'literal.yml')), snapshot(join(outside, 'precious.txt'))]).toEqual(before);
    expect(() => generateEdition(root)).toThrow(EditionError);
    expect([snapshot(join(outside, 'literal.yml')), snapshot(join(outside, 'precious.txt'))]).toEqual(before);
  });

  it('linked notes, folders and loops are reported, not read, and crash nothing', () => {
    const { root, outside } = copy();
    writeFileSync(join(outside, 'secret.md'), '---\nquote: "{props.secret}"\nkind: context\n---\nSECRET WORDS FROM ELSEWHERE\n');
    const notes = join(root, 'annotations/notes/literal-2000');
    symlinkSync(join(outside, 'secret.md'), join(notes, 'secret.md'));
    symlinkSync('loop.md', join(notes, 'loop.md'));
    symlinkSync('..', join(root, 'annotations/people/up'));
    symlinkSync(join(outside, 'nowhere.md'), join(notes, 'dangling.md'));
    const files = readEditionFiles(root);
    const links = files.filter((f) => f.notRead).map((f) => [f.path, f.notRead, f.bytes.length]);
    expect(links).toEqual([
      ['annotations/notes/literal-2000/dangling.md', 'symlink', 0],
      ['annotations/notes/literal-2000/loop.md', 'symlink', 0],
      ['annotations/notes/literal-2000/secret.md', 'symlink', 0],
      ['annotations/people/up', 'symlink', 0],
    ]);
    expect(files.every((f) => !new TextDecoder().decode(f.bytes).includes('SECRET'))).toBe(true);
    const r = check(root);
    expect(r.status, r.output).toBe(1);
    expect(r.output).not.toMatch(/ELOOP|SECRET|at .*\.ts:\d+/);
    for (const [path] of links) expect(r.output).toContain(`${path}:1:1  error: This is a symbolic link`);
    expect(r.output).toMatch(/1 sources, 2 notes, .*: 4 errors/);
    const edition = loadEdition(root);
    expect(edition.documents[0]!.notes.map((n) => n.id).sort()).toEqual(['braces', 'script']);
  });

  it('sources/ or annotations/ itself as a link is reported and not read', () => {
    const { root, outside } = copy();
    renameSync(join(root, 'annotations'), join(outside, 'annotations'));
    symlinkSync(join(outside, 'annotations'), join(root, 'annotations'));
    const files = readEditionFiles(root);
    expect(files.filter((f) => f.path.startsWith('annotations'))).toEqual([{ path: 'annotations', bytes: new Uint8Array(0), notRead: 'symlink' }]);
    const lock = snapshot(join(outside, LOCK));
    const r = check(root);
    expect(r.status, r.output).toBe(1);
    expect(r.output).toContain('annotations:1:1  error: This is a symbolic link');
    expect(snapshot(join(outside, LOCK))).toEqual(lock);
  });
});

describe('the writers never write through a link, nor outside the edition', () => {
  /** A copy whose source was edited, loaded before any link is made: its lock is to be written. */
  const edited = () => {
    const c = copy();
    editSources(c.root);
    const edition = loadEdition(c.root);
    expect(edition.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(edition.documents.filter((d) => d.lockChanged).map((d) => d.lockFile)).toEqual([NEW_LOCK, LOCK]);
    return { ...c, edition };
  };

  it('writePassageLocks refuses a lock that is a link, and a passages folder that is one', () => {
    const a = edited();
    renameSync(join(a.root, LOCK), join(a.outside, 'literal.yml'));
    symlinkSync(join(a.outside, 'literal.yml'), join(a.root, LOCK));
    const target = snapshot(join(a.outside, 'literal.yml'));
    expect(() => writePassageLocks(a.root, a.edition)).toThrow(UnsafeWriteError);
    expect(() => writePassageLocks(a.root, a.edition)).toThrow(/literal-2000\.yml: it is a symbolic link, and nothing is written through a link/);
    expect(snapshot(join(a.outside, 'literal.yml'))).toEqual(target);

    const b = edited();
    renameSync(join(b.root, 'annotations/passages'), join(b.outside, 'passages'));
    symlinkSync(join(b.outside, 'passages'), join(b.root, 'annotations/passages'));
    const lock = snapshot(join(b.outside, 'passages/literal-2000.yml'));
    expect(() => writePassageLocks(b.root, b.edition)).toThrow(/annotations\/passages: it is a symbolic link/);
    expect(snapshot(join(b.outside, 'passages/literal-2000.yml'))).toEqual(lock);
    expect(existsSync(join(b.outside, 'passages/added-2001.yml'))).toBe(false);
  });

  it('writePassageLocks refuses an edition with errors, and writes locks whole otherwise', () => {
    const a = edited();
    const broken = { ...a.edition, problems: [{ file: SOURCE, line: 1, col: 1, severity: 'error' as const, message: 'x' }] };
    expect(() => writePassageLocks(a.root, broken)).toThrow('The edition has errors: no passage-id lock is written.');
    expect(existsSync(join(a.root, NEW_LOCK))).toBe(false);
    expect(writePassageLocks(a.root, a.edition)).toEqual([NEW_LOCK, LOCK]);
    expect(readFileSync(join(a.root, LOCK), 'utf8')).toBe(a.edition.documents.find((d) => d.lockFile === LOCK)!.lockText);
    expect(loadEdition(a.root).documents.every((d) => !d.lockChanged)).toBe(true);
  });

  it('writeDocumentsMdx refuses a generated folder reached through a link, and replaces links inside its own folder without following them', () => {
    const { root, outside } = copy();
    const edition = loadEdition(root);
    // .edition committed as a link to a folder of the editor's: its .mdx files would be overwritten and removed.
    mkdirSync(join(outside, 'mine/mdx'), { recursive: true });
    writeFileSync(join(outside, 'mine/mdx/keep.mdx'), 'mine\n');
    symlinkSync(join(outside, 'mine'), join(root, '.edition'));
    expect(() => writeDocumentsMdx(edition, join(root, '.edition/mdx'), '/', root)).toThrow(/\.edition: it is a symbolic link/);
    expect(readFileSync(join(outside, 'mine/mdx/keep.mdx'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(outside, 'mine/mdx/literal-2000.mdx'))).toBe(false);

    unlinkSync(join(root, '.edition'));
    mkdirSync(join(root, '.edition/mdx'), { recursive: true });
    writeFileSync(join(outside, 'page.mdx'), 'outside\n');
    symlinkSync(join(outside, 'page.mdx'), join(root, '.edition/mdx/literal-2000.mdx'));
    const result = writeDocumentsMdx(edition, join(root, '.edition/mdx'), '/', root);
    expect(result.written).toEqual(['literal-2000.mdx']);
    expect(lstatSync(join(root, '.edition/mdx/literal-2000.mdx')).isFile()).toBe(true);
    expect(readFileSync(join(outside, 'page.mdx'), 'utf8')).toBe('outside\n');

    const broken = { ...edition, problems: [{ file: SOURCE, line: 1, col: 1, severity: 'error' as const, message: 'x' }] };
    expect(() => writeDocumentsMdx(broken, join(root, '.edition/mdx'), '/', root)).toThrow('The edition has errors: no page is written.');
  });
});
