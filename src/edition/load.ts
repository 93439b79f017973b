/**
 * Reading an edition's files from disk, and writing its passage-id locks: the only part of the
 * core that touches the file system.
 *
 * Neither follows a symbolic link. A pull request can hold links (to a file elsewhere on the
 * editor's machine, or round in a loop); the reader reports each one as an error and never reads
 * it, and the writers refuse to write through one or outside the folder they write in.
 */
import { closeSync, constants, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync, type Dirent, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { buildEdition, type BuildOptions, type Edition, type RawFile } from './edition.js';

/** O_NOFOLLOW where the platform has it: opening a link then fails instead of reading its target. */
const READ_NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * Lists every file under `sources/` and `annotations/` of an edition root, with its bytes.
 * Symbolic links (to files or folders, and `sources` or `annotations` themselves) are never
 * followed: each is listed with `notRead: 'symlink'` and no bytes, as is anything that is
 * neither a file nor a folder (`notRead: 'special'`); the edition reports them as errors.
 */
export function readEditionFiles(root: string): RawFile[] {
  const files: RawFile[] = [];
  const visit = (path: string, rel: string, kind: Dirent | Stats) => {
    if (kind.isSymbolicLink()) files.push({ path: rel, bytes: new Uint8Array(0), notRead: 'symlink' });
    else if (kind.isDirectory()) walk(path, rel);
    else if (kind.isFile()) {
      const bytes = readNoFollow(path);
      files.push(bytes ? { path: rel, bytes } : { path: rel, bytes: new Uint8Array(0), notRead: 'symlink' });
    } else files.push({ path: rel, bytes: new Uint8Array(0), notRead: 'special' });
  };
  const walk = (dir: string, rel: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    // The entry's own type (lstat's, never the link's target) saves a stat per file (22,000 at 1,000 documents).
    for (const entry of entries) visit(join(dir, entry.name), `${rel}/${entry.name}`, entry);
  };
  for (const top of ['sources', 'annotations']) {
    let st: Stats;
    try {
      st = lstatSync(join(root, top));
    } catch {
      continue;
    }
    visit(join(root, top), top, st);
  }
  return files;
}

/**
 * The edition's files after some of them changed: `previous` (from {@link readEditionFiles})
 * with each path in `changed` (relative to the root, forward slashes) read again — a file, a
 * folder (everything under it), or nothing any more (removed, with everything under it). The
 * same rules as readEditionFiles (no link followed). Paths outside sources/ and annotations/
 * are ignored. The dev server passes the paths its watcher saw, so a save reads one file.
 */
export function readEditionFilesAgain(root: string, previous: readonly RawFile[], changed: readonly string[]): RawFile[] {
  const byPath = new Map(previous.map((f) => [f.path, f]));
  const paths = changed.filter((rel) => /^(sources|annotations)(\/|$)/.test(rel) && !rel.split('/').some((part) => part === '..' || part === '.' || part === ''));
  // What was at each changed path, or under it, is forgotten first, in one pass over the files
  // (a file goes when it or a folder above it changed): a pass per changed path made a build that
  // wrote 10,000 passage-id locks take minutes at 10,000 documents.
  const gone = new Set(paths);
  for (const path of [...byPath.keys()]) {
    for (let p = path; ; p = p.slice(0, p.lastIndexOf('/'))) {
      if (gone.has(p)) {
        byPath.delete(path);
        break;
      }
      if (!p.includes('/')) break;
    }
  }
  for (const rel of paths) {
    let st: Stats;
    try {
      st = lstatSync(join(root, rel));
    } catch {
      continue; // Removed.
    }
    // A link in a folder that is itself a link is reported at the outer link only, as a full read does.
    const top = rel.split('/')[0]!;
    if (rel !== top && lstatSafe(join(root, top))?.isSymbolicLink()) continue;
    for (const f of readUnder(root, rel, st)) byPath.set(f.path, f);
  }
  return [...byPath.values()];
}

const lstatSafe = (path: string): Stats | undefined => {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
};

/** The files at `rel` (a file, a link, or a folder walked as readEditionFiles walks it). */
function readUnder(root: string, rel: string, st: Stats): RawFile[] {
  const files: RawFile[] = [];
  const visit = (path: string, r: string, kind: Dirent | Stats) => {
    if (kind.isSymbolicLink()) files.push({ path: r, bytes: new Uint8Array(0), notRead: 'symlink' });
    else if (kind.isDirectory()) {
      let entries: Dirent[];
      try {
        entries = readdirSync(path, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) visit(join(path, entry.name), `${r}/${entry.name}`, entry);
    } else if (kind.isFile()) {
      let bytes: Uint8Array | null;
      try {
        bytes = readNoFollow(path);
      } catch {
        return; // Gone between the listing and the read: the watcher reports it again.
      }
      files.push(bytes ? { path: r, bytes } : { path: r, bytes: new Uint8Array(0), notRead: 'symlink' });
    } else files.push({ path: r, bytes: new Uint8Array(0), notRead: 'special' });
  };
  visit(join(root, rel), rel, st);
  return files;
}

/** A regular file's bytes, opened without following a link; null if it is (by now) a link. */
function readNoFollow(path: string): Uint8Array | null {
  let fd: number;
  try {
    fd = openSync(path, READ_NO_FOLLOW);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') return null;
    throw e;
  }
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads and builds the edition at `root`. `files`: the edition's files when the caller holds
 * them already (the dev server, which reads again only what changed).
 */
export function loadEdition(root: string, options: BuildOptions = {}, files?: RawFile[]): Edition {
  return buildEdition(files ?? readEditionFiles(root), options);
}

/** A write refused because it would go through a symbolic link, or outside the folder it belongs in. */
export class UnsafeWriteError extends Error {
  override name = 'UnsafeWriteError';
}

/**
 * Makes the folder `rel` (relative to `root`, forward slashes) exist under `root` as plain
 * folders, creating the missing ones one at a time: a part of it that is a symbolic link (or not
 * a folder) is refused, and so is a folder whose real path is not inside `root`'s. `root` itself
 * is trusted as given. Returns the folder's path.
 */
export function plainFolderInside(root: string, rel: string): string {
  let dir = root;
  for (const part of rel.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') throw new UnsafeWriteError(`Refusing to write in ${rel}: the folder must be inside ${root}.`);
    dir = join(dir, part);
    let st: Stats;
    try {
      st = lstatSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(dir);
      st = lstatSync(dir);
    }
    if (st.isSymbolicLink()) throw new UnsafeWriteError(`Refusing to write through ${dir}: it is a symbolic link, and nothing is written through a link. Replace the link with a plain folder.`);
    if (!st.isDirectory()) throw new UnsafeWriteError(`Refusing to write in ${dir}: it is not a folder.`);
  }
  const realRoot = realpathSync(root);
  const real = realpathSync(dir);
  if (real !== realRoot && !real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)) {
    throw new UnsafeWriteError(`Refusing to write in ${dir}: its real path ${real} is outside ${realRoot}.`);
  }
  return dir;
}

/**
 * Writes `text` as the file `name` in `dir` (a folder from {@link plainFolderInside}) without
 * ever writing through a link: the text goes into a new file beside it (created exclusively,
 * so never through a link), which then replaces `name` (a rename replaces a link itself, never
 * its target). An existing `name` that is a symbolic link, or not a regular file, is refused
 * unless `replaceLinks` (for generated folders, whose links are nobody's files).
 */
export function writeFileNoFollow(dir: string, name: string, text: string, options: { replaceLinks?: boolean } = {}): void {
  if (name.includes('/') || name.includes(sep) || name === '.' || name === '..') throw new UnsafeWriteError(`Refusing to write ${name}: not a plain file name.`);
  const path = join(dir, name);
  let st: Stats | undefined;
  try {
    st = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (st && !st.isFile() && !(options.replaceLinks && st.isSymbolicLink())) {
    throw new UnsafeWriteError(
      st.isSymbolicLink()
        ? `Refusing to write ${path}: it is a symbolic link, and nothing is written through a link. Replace the link with the file itself.`
        : `Refusing to write ${path}: it is not a regular file.`,
    );
  }
  // A dot file: the edition's reader skips it, should it ever be left behind.
  const temporary = join(dir, `.${name}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}

/**
 * Writes the passage-id locks that changed (new or updated) into `annotations/passages/`, never
 * through a symbolic link and never outside `root` (UnsafeWriteError). Refuses an edition with
 * errors: a check or build that finds an error writes nothing. Returns the paths written.
 */
export function writePassageLocks(root: string, edition: Edition): string[] {
  if (edition.problems.some((p) => p.severity === 'error')) throw new Error('The edition has errors: no passage-id lock is written.');
  const written: string[] = [];
  let dir: string | undefined;
  for (const doc of edition.documents) {
    if (!doc.lockChanged) continue;
    const slash = doc.lockFile.lastIndexOf('/');
    dir ??= plainFolderInside(root, doc.lockFile.slice(0, slash));
    writeFileNoFollow(dir, doc.lockFile.slice(slash + 1), doc.lockText);
    written.push(doc.lockFile);
  }
  return written;
}

/** Whether this run must find every passage-id lock committed and up to date (CI). */
export const locksRequired = (): boolean => process.env.CI === 'true' || process.env.CI === '1';
