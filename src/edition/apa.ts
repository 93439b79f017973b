/**
 * APA references of any CSL item (a book, an article, a report…), written by citeproc through
 * citation-js (`@citation-js/core` with `@citation-js/plugin-csl` and its bundled `apa` style, as
 * published). The edition's own citation forms use the variant in csl-styles.ts (cite.ts).
 *
 * citeproc takes a few milliseconds per reference. The same CSL-JSON item is often asked for
 * more than once (a document and each of its passages share the document's reference), so
 * outputs are kept by their input, written as JSON: an identical item is rendered once.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';

/** A CSL-JSON item (as made by cite.ts). */
export type CslItem = Record<string, unknown>;

/** Outputs by the JSON text of their input. */
const cache = new Map<string, string>();

/** The APA reference of a CSL item, as citeproc writes it with citation-js's APA style. */
export function apaReference(item: CslItem): string {
  const key = JSON.stringify(item);
  let reference = cache.get(key);
  if (reference === undefined) {
    reference = String(new Cite(item).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' })).trim();
    cache.set(key, reference);
  }
  return reference;
}
