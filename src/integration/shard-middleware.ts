/**
 * The middleware of a sharded build (added by the integration only when EDITION_SHARD is set;
 * see shard.ts): a page this shard does not render is answered with an empty body, which
 * Astro's static build does not write ("file not created"), before the page runs.
 */
import { defineMiddleware } from 'astro:middleware';
import { currentShard, DOCUMENT_ROUTES, rendersDocument, rendersRoute } from './shard.ts';

const shard = currentShard();

export const onRequest = defineMiddleware((context, next) => {
  if (!rendersRoute(shard, context.routePattern)) return new Response(null, { status: 204 });
  // The documents collection already holds only this shard's documents; this guards the rule.
  const slug = context.params.slug;
  if (DOCUMENT_ROUTES.includes(context.routePattern) && slug !== undefined && !rendersDocument(shard, slug)) return new Response(null, { status: 204 });
  return next();
});
