/**
 * Sharded builds: one edition built by several `astro build` runs (GitHub Actions jobs, or one
 * after another on one machine), whose outputs `scripts/join-shards.ts` joins into one site
 * and one Pagefind index (docs/performance.md, "Sharded builds").
 *
 * `EDITION_SHARD` chooses what a build renders:
 * - unset (or empty): everything, and the Pagefind index; an ordinary build;
 * - `k/N` (1 ≤ k ≤ N, e.g. `2/4`): the document pages of shard k of N — every route listed in
 *   {@link DOCUMENT_ROUTES}, for the documents {@link shardOf} assigns to k, and nothing else;
 * - `aggregate`: every page that is not a document page (home, timeline, registers, works,
 *   search, about, the edition's JSON files, …): anything not per document.
 *
 * Every job loads and validates the whole edition (an error stops every job, as it stops an
 * ordinary build) and the pages read the whole model; a shard only narrows what is compiled and
 * rendered: only its documents' `.mdx` files are written into the generated folder (so Vite
 * compiles only those, and the `documents` collection, which the document routes' paths come
 * from, holds only those; the aggregate job writes none), and a middleware answers every other
 * page with an empty body, which Astro does not write. No shard writes the Pagefind index:
 * the join writes one from the model's records.
 *
 * Which shard a document is in: the first four bytes of the SHA-256 of its slug, modulo N. It
 * depends on the slug and N only, so adding, removing or editing other documents never moves a
 * document to another shard (a job's cache stays warm); shards are balanced by chance, not
 * exactly (at 1,000 documents in 4 shards, within a few percent of 250 each).
 */
import { createHash } from 'node:crypto';

/** The environment variable naming the shard a build renders. */
export const SHARD_ENV = 'EDITION_SHARD';

/** What one build renders. */
export type Shard =
  | { kind: 'all' }
  | { kind: 'documents'; index: number; count: number }
  | { kind: 'aggregate' };

/**
 * The routes rendered once per document (src/pages, as Astro's `routePattern` names them):
 * the document page, its handout and its annotations. A new per-document route must be listed
 * here, else it renders in the aggregate job, whose `documents` collection is empty (the page
 * would be missing from the joined site; the sharded-build test would say so).
 */
export const DOCUMENT_ROUTES: readonly string[] = ['/documents/[slug]', '/documents/[slug]/handout', '/annotations/[slug].jsonld'];

/** A value of EDITION_SHARD that names no shard. */
export class ShardError extends Error {}

/** Reads a value of EDITION_SHARD (see the module's comment). */
export function parseShard(value: string | undefined): Shard {
  const v = (value ?? '').trim();
  if (v === '') return { kind: 'all' };
  if (v === 'aggregate') return { kind: 'aggregate' };
  const m = /^(\d+)\/(\d+)$/.exec(v);
  if (m) {
    const index = Number(m[1]);
    const count = Number(m[2]);
    if (count >= 1 && index >= 1 && index <= count) return { kind: 'documents', index, count };
  }
  throw new ShardError(
    `${SHARD_ENV}=${JSON.stringify(value)} names no shard. Set it to k/N to build the document pages of shard k of N (1 ≤ k ≤ N, e.g. 2/4), ` +
      `to "aggregate" to build every other page, or leave it unset to build the whole edition.`,
  );
}

/** The shard this process builds, from EDITION_SHARD. Throws {@link ShardError} on a bad value. */
export function currentShard(env: NodeJS.ProcessEnv = process.env): Shard {
  return parseShard(env[SHARD_ENV]);
}

/** The shard (1…count) that renders the document with this slug. */
export function shardOf(slug: string, count: number): number {
  return (createHash('sha256').update(slug, 'utf8').digest().readUInt32BE(0) % count) + 1;
}

/** Whether a build of `shard` renders the pages of the document with this slug. */
export function rendersDocument(shard: Shard, slug: string): boolean {
  if (shard.kind === 'all') return true;
  if (shard.kind === 'aggregate') return false;
  return shardOf(slug, shard.count) === shard.index;
}

/**
 * Whether a build of `shard` renders pages of the route `routePattern` (for a document route,
 * {@link rendersDocument} then decides per page).
 */
export function rendersRoute(shard: Shard, routePattern: string): boolean {
  if (shard.kind === 'all') return true;
  return DOCUMENT_ROUTES.includes(routePattern) === (shard.kind === 'documents');
}

/** Whether a build of `shard` writes the Pagefind index (only an unsharded one; a sharded site's comes from the join). */
export function writesSearchIndex(shard: Shard): boolean {
  return shard.kind === 'all';
}

/** How a shard is named in logs: `shard 2/4`, `aggregate`, `whole edition`. */
export function describeShard(shard: Shard): string {
  return shard.kind === 'all' ? 'whole edition' : shard.kind === 'aggregate' ? 'aggregate pages' : `document shard ${shard.index}/${shard.count}`;
}
