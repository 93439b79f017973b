/**
 * Writes one `.mdx` file per document into the generated folder, only when its bytes changed,
 * and removes the files of documents that no longer exist, so that Astro's content layer and
 * Vite see unchanged documents as unchanged. Refuses a model with errors (nothing is written).
 *
 * Never through a symbolic link: a generated folder inside the edition root (the default,
 * `.edition/mdx/`) must be plain folders all the way down from the root, with its real path
 * inside the root's (a pull request could commit `.edition` as a link to a folder elsewhere,
 * whose `.mdx` files would be overwritten and removed); one elsewhere (EDITION_GENERATED) must
 * not itself be a link. Files are replaced by rename, never written through.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { documentMdx, pageBudget, worksPages, type Edition, type EditionDocument } from '../edition/index.ts';
import { plainFolderInside, writeFileNoFollow } from '../edition/load.ts';
import { keyOf, sha256, type WorkCache } from '../edition/cache.ts';
import { editionRoot } from './paths.ts';
import type { ToMdastOptions } from '../edition/emit/to-mdast.ts';

export interface MdxWriteResult {
  written: string[];
  unchanged: number;
  removed: string[];
}

/**
 * `include` narrows the documents written (a sharded build's, src/integration/shard.ts): the
 * others' files are removed like a removed document's, so the content layer does not list them.
 */
export function writeDocumentsMdx(
  edition: Edition,
  dir: string,
  base: string,
  root: string = editionRoot(),
  include: (slug: string) => boolean = () => true,
  cache?: WorkCache,
  /** Texts already made for some documents, by slug (`documentMdx` with {@link mdxOptions}: core-worker.ts); the others are made here. */
  texts?: ReadonlyMap<string, string>,
): MdxWriteResult {
  if (edition.problems.some((p) => p.severity === 'error')) throw new Error('The edition has errors: no page is written.');
  const inRoot = relative(root, dir);
  if (inRoot !== '' && !inRoot.startsWith('..') && !isAbsolute(inRoot)) plainFolderInside(root, inRoot.split(/[\\/]/).join('/'));
  else {
    mkdirSync(dirname(dir), { recursive: true });
    plainFolderInside(dirname(dir), basename(dir));
  }
  const result: MdxWriteResult = { written: [], unchanged: 0, removed: [] };
  const wanted = new Set<string>();
  const keyFor = mdxKeys(edition, base, cache);
  for (const doc of edition.documents) {
    if (!include(doc.slug)) continue;
    const name = `${doc.slug}.mdx`;
    wanted.add(name);
    const path = join(dir, name);
    // With a work cache: the digest of the MDX last made from the same inputs (the document's
    // input digest and the base). A file on disk with that digest is up to date as it is.
    const key = keyFor(doc);
    const made = key ? cache!.get<string>('mdx', key) : undefined;
    // A file this process wrote or checked, unchanged since (same size and modification time),
    // still has the digest it had then: not read again (the dev server, after each save).
    const seen = checked.get(path);
    const stat = made && seen?.digest === made ? plainFileStat(path) : undefined;
    if (stat && seen && stat.size === seen.size && stat.mtimeMs === seen.mtimeMs) {
      result.unchanged++;
      continue;
    }
    const onDisk = isPlainFile(path) ? readFileSync(path) : undefined;
    if (made && onDisk && sha256(onDisk) === made) {
      remember(path, made);
      result.unchanged++;
      continue;
    }
    const text = texts?.get(doc.slug) ?? documentMdx(doc, edition, mdxOptions(base));
    const digest = sha256(text);
    if (key) cache!.set('mdx', key, digest);
    if (onDisk && onDisk.toString('utf8') === text) {
      remember(path, digest);
      result.unchanged++;
      continue;
    }
    writeFileNoFollow(dir, name, text, { replaceLinks: true });
    remember(path, digest);
    result.written.push(name);
  }
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.mdx') && !wanted.has(name)) {
      rmSync(join(dir, name), { force: true });
      result.removed.push(name);
    }
  }
  return result;
}

/** The options a document's MDX is made with, for the site's `base` (the page budget from the environment: src/edition/paging.ts). */
export function mdxOptions(base: string): ToMdastOptions {
  return { base, pageBudget: pageBudget(process.env) };
}

/**
 * The documents whose MDX the work cache does not know (all of them in a cold build): those
 * {@link writeDocumentsMdx} will make, unless the file on disk already holds it.
 */
export function documentsToMake(edition: Edition, base: string, include: (slug: string) => boolean, cache?: WorkCache): string[] {
  const keyFor = mdxKeys(edition, base, cache);
  return edition.documents
    .filter((doc) => {
      const key = keyFor(doc);
      return include(doc.slug) && !(key && cache!.has('mdx', key));
    })
    .map((doc) => doc.slug);
}

/**
 * Each document's key for its MDX in the work cache (undefined without a cache): its input
 * digest, the base, and the works-cited layout, which depends on the whole edition (notes link
 * to the page listing each work, src/edition/paging.ts).
 */
function mdxKeys(edition: Edition, base: string, cache?: WorkCache): (doc: EditionDocument) => string | undefined {
  if (!cache) return () => undefined;
  const worksLayout = JSON.stringify([...worksPages(edition, pageBudget(process.env)).pathOf]);
  return (doc) => (doc.inputDigest ? keyOf(doc.inputDigest, base, worksLayout) : undefined);
}

/** Generated files this process wrote or read, with their digest, size and modification time then. */
const checked = new Map<string, { digest: string; size: number; mtimeMs: number }>();

function remember(path: string, digest: string): void {
  const st = plainFileStat(path);
  if (st) checked.set(path, { digest, size: st.size, mtimeMs: st.mtimeMs });
  else checked.delete(path);
}

const plainFileStat = (path: string) => {
  try {
    const st = lstatSync(path);
    return st.isFile() ? st : undefined;
  } catch {
    return undefined;
  }
};

const isPlainFile = (path: string): boolean => {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
};
