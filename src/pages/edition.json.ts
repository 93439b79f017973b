/** The whole edition model as one versioned JSON file (schema: docs/open-data.md; src/edition/open-data.ts). */
import type { APIRoute } from 'astro';
import { editionModel } from '../edition/open-data.ts';
import { getEdition } from '../astro/edition.ts';
import { getEditionConfig } from '../astro/config.ts';
import { url } from '../astro/format.ts';

export const GET: APIRoute = ({ site }) => {
  const body = editionModel(getEdition(), getEditionConfig(), { site: new URL(url(''), site).href });
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};
