/**
 * Content collections, validated with the core's own schemas (src/edition/schema.ts: one
 * definition, used by `npm run check` and here):
 * - `documents`: the generated MDX pages, one per document (src/integration writes them into the
 *   generated folder before Astro syncs its content), read with Astro's glob() loader;
 * - `register`: people, organisations, places and events, keyed `<kind>:<id>`, whose related
 *   entries are `reference()`s to this collection and whose sources are `reference()`s to `works`;
 * - `works`: the works cited.
 * Registers and works are read through the core (src/integration/loaders.ts), never by Astro's
 * Markdown pipeline: contributor Markdown is data.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { EntryMeta, SourceMeta, Work } from './edition/schema.ts';
import { generatedDir } from './integration/paths.ts';
import { registerLoader, worksLoader } from './integration/loaders.ts';

const documents = defineCollection({
  // The pages render each entry's compiled module (render(entry)); its text is not kept in the
  // data store too (`retainBody: false`), which Astro writes to disk and, in `astro dev`, loads
  // as a module again after every saved document (27 MB of MDX at 1,000 documents).
  loader: glob({ pattern: '*.mdx', base: generatedDir(), retainBody: false }),
  schema: SourceMeta.extend({ slug: z.string() }),
});

const Cite = z.strictObject({ work: reference('works'), at: z.string().optional() });

const register = defineCollection({
  loader: registerLoader(),
  schema: EntryMeta.extend({
    kind: z.enum(['person', 'organization', 'place', 'event']),
    related: z.array(reference('register')),
    cites: z.array(Cite),
  }),
});

const works = defineCollection({ loader: worksLoader(), schema: Work });

export const collections = { documents, register, works };
