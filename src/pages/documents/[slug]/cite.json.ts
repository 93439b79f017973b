/**
 * A document's passage citation forms, with `__P__` standing for the passage number: fetched by
 * the document page's script when a reader first presses a passage's "Cite" button, so the
 * forms do not weigh on every page view.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CITATION_FORMS, citations } from '../../../edition/index.ts';
import { documentBySlug, documentPaths, getEdition } from '../../../site/edition.ts';
import { url } from '../../../site/format.ts';

export const getStaticPaths = documentPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const doc = documentBySlug(params.slug);
  const c = citations(doc, getEdition(), new URL(url(`documents/${doc.slug}/`), site).href, '__P__');
  // A passage is cited in prose forms; BibTeX and CSL-JSON stay with the document.
  const forms = CITATION_FORMS.filter(([id]) => id !== 'bibtex' && id !== 'csl-json').map(([id, label, field]) => [id, label, c[field]]);
  return new Response(JSON.stringify({ forms }), { headers: { 'content-type': 'application/json' } });
};
