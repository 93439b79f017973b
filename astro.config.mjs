// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import edition from './src/integration/index.ts';

// SITE and BASE let the same edition be published at a domain root or under a path
// (a GitHub Pages project site): every URL in the edition stays under BASE.
export default defineConfig({
  site: process.env.SITE ?? 'https://edition.example.org',
  base: process.env.BASE ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [edition(), mdx()],
  // Sätteri (Astro's native processor) gives GFM footnotes and heading ids; smart punctuation
  // is off because it would change the sources' quotes, dashes and ellipses.
  // Footnote ids are `fn-<note-id>` and `fnref-<note-id>` (no clobber prefix: note ids are
  // file names, lower-case words and hyphens, and cannot clobber page globals).
  markdown: { processor: satteri({ features: { smartPunctuation: false, gfm: { footnotes: { clobberPrefix: '' } } } }) },
  devToolbar: { enabled: false },
  // The dev server reloads on edition files (see src/integration); build outputs are not its business.
  vite: { server: { watch: { ignored: ['**/.bench/**', '**/.builds/**', '**/dist/**', '**/screenshots/**', '**/test-results/**'] } } },
  // Separate caches let test builds of fixture editions run beside the main build.
  cacheDir: process.env.EDITION_CACHE ?? './node_modules/.astro',
});
