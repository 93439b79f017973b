/**
 * The edition model for Astro pages, from the virtual module the integration provides
 * (src/integration/virtual-modules.ts): built once per build by the core, and again in
 * `astro dev` after a saved file, so no page reads the files itself.
 */
import { edition } from 'virtual:edition/model';
import type { Edition, EditionDocument } from '../edition/index.ts';

/** The edition's validated model. */
export function getEdition(): Edition {
  return edition;
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
