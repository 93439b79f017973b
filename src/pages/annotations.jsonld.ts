/** Every note of the edition as one W3C Web Annotation collection (JSON-LD) (src/edition/open-data.ts). */
import type { APIRoute } from 'astro';
import { editionAnnotations } from '../edition/open-data.ts';
import { editionTitle } from '../edition/index.ts';
import { getEdition } from '../astro/edition.ts';
import { getEditionConfig } from '../astro/config.ts';
import { url } from '../astro/format.ts';

export const GET: APIRoute = ({ site }) => {
  const config = getEditionConfig();
  const body = editionAnnotations(getEdition(), editionTitle(config), { site: new URL(url(''), site).href }, config.licence.url);
  return new Response(JSON.stringify(body, null, 1), { headers: { 'content-type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' } });
};
