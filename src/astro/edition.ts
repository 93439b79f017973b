/**
 * The edition model for Astro pages: loaded once per build (and again in `astro dev`
 * after the integration regenerates), so no page re-reads the files.
 */
import { resolve } from 'node:path';
import { loadEdition, type Edition, type EditionDocument } from '../edition/index.ts';

const state = globalThis as unknown as { __edition?: { version: number; edition: Edition }; __editionVersion?: number };

/** Marks the cached model stale (called by the dev integration after a file changes). */
export function bumpEditionVersion(): void {
  state.__editionVersion = (state.__editionVersion ?? 0) + 1;
}

/** Hands the model the integration just built to the pages, so the build reads the files once. */
export function shareEdition(edition: Edition): void {
  state.__edition = { version: state.__editionVersion ?? 0, edition };
}

/** Lets go of the model once the pages are built (a later getEdition() would load it again). */
export function releaseEdition(): void {
  delete state.__edition;
}

/** The edition at EDITION_ROOT, or the project root (process.cwd()). */
export function getEdition(): Edition {
  const version = state.__editionVersion ?? 0;
  if (!state.__edition || state.__edition.version !== version) {
    state.__edition = { version, edition: loadEdition(resolve(process.env.EDITION_ROOT ?? process.cwd()), { requireLocks: false }) };
  }
  return state.__edition.edition;
}

/** The static paths of the routes that exist once per document (its page and its handout). */
export function documentPaths(): { params: { slug: string } }[] {
  return getEdition().documents.map((doc) => ({ params: { slug: doc.slug } }));
}

const bySlug = new WeakMap<Edition, Map<string, EditionDocument>>();

/** The document with this slug in the current model (looked up at render time, so `astro dev` shows edits). */
export function documentBySlug(slug: string | undefined): EditionDocument {
  const edition = getEdition();
  let map = bySlug.get(edition);
  if (!map) bySlug.set(edition, (map = new Map(edition.documents.map((d) => [d.slug, d]))));
  const doc = map.get(slug ?? '');
  if (!doc) throw new Error(`No document "${slug}" in the edition.`);
  return doc;
}
