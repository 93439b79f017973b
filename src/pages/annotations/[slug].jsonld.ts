/** A document's notes as W3C Web Annotations (JSON-LD), linked from its page (src/edition/open-data.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { documentAnnotations } from '../../edition/open-data.ts';
import { documentBySlug } from '../../astro/edition.ts';
import { getEditionConfig } from '../../astro/config.ts';
import { url } from '../../astro/format.ts';

export async function getStaticPaths() {
  return (await getCollection('documents')).map((entry) => ({ params: { slug: entry.data.slug } }));
}

export const GET: APIRoute = ({ params, site }) => {
  const doc = documentBySlug(params.slug);
  const body = documentAnnotations(doc, { site: new URL(url(''), site).href }, getEditionConfig().licence.url);
  return new Response(JSON.stringify(body, null, 1), { headers: { 'content-type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' } });
};
