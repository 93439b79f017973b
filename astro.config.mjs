// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import edition from './src/integration/index.ts';
import { markdownProcessorName } from './src/integration/markdown.ts';
import remarkLiteralPassages from './src/integration/remark-literal-passages.ts';
import satteriLiteralPassages from './src/integration/satteri-literal-passages.ts';

/**
 * The processors that can compile the edition's generated .mdx pages (one per document,
 * src/integration, .edition/mdx/), chosen by edition.config.yml's `markdown: { processor: … }`
 * (README, "Very large editions"); both give the same pages (test/build/processors.test.ts).
 */
export const markdownProcessors = {
  // The default: @astrojs/mdx compiles the pages through unified():
  // - remark-gfm: GFM footnotes ([^note-id]), numbered in reading order, with back links;
  //   Astro's own GFM is off so that it does not run twice;
  // - remark-literal-passages (ours): GFM's bare-address links undone inside source text;
  // - rehype-slug: ids on headings that have none (it never overwrites an id already written);
  // - smart punctuation off: the sources' quotes and dashes stay exactly as received;
  // - clobberPrefix '': footnote ids stay fn-<note-id> / fnref-<note-id>, as published.
  unified: () =>
    unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkGfm, remarkLiteralPassages],
      rehypePlugins: [rehypeSlug],
      remarkRehype: { clobberPrefix: '' },
    }),
  // Astro's Sätteri processor (native; GFM footnotes and heading ids built in): remark and
  // rehype plugins do not run under it; the same settings in its terms, and our rule for
  // bare addresses as a Sätteri plugin (src/integration/satteri-literal-passages.ts).
  satteri: () =>
    satteri({
      features: { gfm: { footnotes: { clobberPrefix: '' } }, smartPunctuation: false },
      mdastPlugins: [satteriLiteralPassages],
    }),
};

// SITE and BASE let the same edition be published at a domain root or under a path
// (a GitHub Pages project site): every URL in the edition stays under BASE.
export default defineConfig({
  ...(process.env.SITE ? { site: process.env.SITE } : {}), // else edition.config.yml's url, else http://localhost:4321 (set by src/integration)
  base: process.env.BASE ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  // The edition's choice (edition.config.yml, under EDITION_ROOT when set); unified by default.
  markdown: { processor: markdownProcessors[markdownProcessorName()]() },
  integrations: [edition(), mdx()],
  devToolbar: { enabled: false },
  // The dev server reloads on edition files (see src/integration); build outputs are not its business.
  vite: { server: { watch: { ignored: ['**/.bench/**', '**/.builds/**', '**/dist/**', '**/screenshots/**', '**/test-results/**'] } } },
  // Separate caches let test builds of fixture editions run beside the main build.
  cacheDir: process.env.EDITION_CACHE ?? './node_modules/.astro',
});
