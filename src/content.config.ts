/** Content collections: the generated MDX pages, one per document (see src/integration). */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const documents = defineCollection({
  loader: glob({ pattern: '*.mdx', base: process.env.EDITION_GENERATED ?? './.edition/mdx' }),
});

export const collections = { documents };
