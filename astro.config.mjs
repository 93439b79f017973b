// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import edition from './src/integration/index.ts';
import remarkLiteralPassages from './src/integration/remark-literal-passages.ts';

// SITE and BASE let the same edition be published at a domain root or under a path
// (a GitHub Pages project site): every URL in the edition stays under BASE.
export default defineConfig({
  ...(process.env.SITE ? { site: process.env.SITE } : {}), // else edition.config.yml's url, else http://localhost:4321 (set by src/integration)
  base: process.env.BASE ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  // The edition writes one .mdx page per document (src/integration, .edition/mdx/); @astrojs/mdx
  // compiles them through the unified() processor:
  // - remark-gfm: GFM footnotes ([^note-id]), numbered in reading order, with back links;
  //   Astro's own GFM is off so that it does not run twice;
  // - remark-literal-passages (ours): GFM's bare-address links undone inside source text;
  // - rehype-slug: ids on headings that have none (it never overwrites an id already written);
  // - smart punctuation off: the sources' quotes and dashes stay exactly as received;
  // - clobberPrefix '': footnote ids stay fn-<note-id> / fnref-<note-id>, as published.
  markdown: {
    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkGfm, remarkLiteralPassages],
      rehypePlugins: [rehypeSlug],
      remarkRehype: { clobberPrefix: '' },
    }),
  },
  integrations: [edition(), mdx()],
  devToolbar: { enabled: false },
  // The dev server reloads on edition files (see src/integration); build outputs are not its business.
  vite: { server: { watch: { ignored: ['**/.bench/**', '**/.builds/**', '**/dist/**', '**/screenshots/**', '**/test-results/**'] } } },
  // Separate caches let test builds of fixture editions run beside the main build.
  cacheDir: process.env.EDITION_CACHE ?? './node_modules/.astro',
});
