/**
 * A document's passage citation forms, with `__P__` standing for the passage number: fetched by
 * the document page's script when a reader first presses a passage's "Cite" button, so the
 * forms do not weigh on every page view.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { citations } from '../../../edition/index.ts';
import { documentBySlug, getEdition } from '../../../site/edition.ts';
import { url } from '../../../site/format.ts';

export const getStaticPaths = (() => getEdition().documents.map((doc) => ({ params: { slug: doc.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const doc = documentBySlug(params.slug);
  const c = citations(doc, getEdition(), new URL(url(`documents/${doc.slug}/`), site).href, '__P__');
  const forms = [
    ['chicago-note', 'Chicago (note)', c.chicagoNote],
    ['chicago-bibliography', 'Chicago (bibliography)', c.chicagoBibliography],
    ['mla', 'MLA', c.mla],
    ['apa', 'APA', c.apa],
  ];
  return new Response(JSON.stringify({ forms }), { headers: { 'content-type': 'application/json' } });
};
