/**
 * Content collections. `documents`: the generated MDX pages, one per document
 * (src/integration writes them into the generated folder before Astro syncs its content), read
 * with Astro's glob() loader and validated with the core's own schema of a source's metadata.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { SourceMeta } from './edition/schema.ts';
import { generatedDir } from './integration/paths.ts';

const documents = defineCollection({
  loader: glob({ pattern: '*.mdx', base: generatedDir() }),
  schema: SourceMeta.extend({ slug: z.string() }),
});

export const collections = { documents };
