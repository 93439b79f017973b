/** A document's generated MDX page: its metadata as front matter, then its text and notes. */
import type { Edition, EditionDocument } from '../edition.js';
import { documentToMdast, type ToMdastOptions } from './to-mdast.js';
import { toMdx } from './to-mdx.js';

/** The front matter of a generated page: the source's validated metadata and its slug. */
export function documentFrontmatter(doc: EditionDocument): Record<string, unknown> {
  return { slug: doc.slug, ...doc.meta };
}

/** The MDX text of one document. Deterministic for the same model and options. */
export function documentMdx(doc: EditionDocument, edition: Edition, options: ToMdastOptions = {}): string {
  return toMdx(documentToMdast(doc, edition, options), documentFrontmatter(doc));
}
