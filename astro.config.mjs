// @ts-check
import { defineConfig } from 'astro/config';
import edition from './src/integration/index.ts';

// SITE and BASE let the same edition be published at a domain root or under a path
// (a GitHub Pages project site): every URL in the edition stays under BASE.
export default defineConfig({
  site: process.env.SITE ?? 'https://edition.example.org',
  base: process.env.BASE ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  // The edition's pages are HTML written by the core (src/edition/emit.ts): no Markdown or MDX
  // content goes through Astro, so no Markdown processor is configured.
  integrations: [edition()],
  devToolbar: { enabled: false },
  // The dev server reloads on edition files (see src/integration); build outputs are not its business.
  vite: { server: { watch: { ignored: ['**/.bench/**', '**/.builds/**', '**/dist/**', '**/screenshots/**', '**/test-results/**'] } } },
  // Separate caches let test builds of fixture editions run beside the main build.
  cacheDir: process.env.EDITION_CACHE ?? './node_modules/.astro',
});
