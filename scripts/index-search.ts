/**
 * Rebuilds the Pagefind index of a built site on its own: `tsx scripts/index-search.ts [dist]`.
 * (`npm run build` does this itself, during the Astro build, from the same model.)
 */
import { resolve } from 'node:path';
import { loadEdition } from '../src/edition/index.ts';
import { writeSearchIndex } from '../src/integration/search-index.ts';

const site = resolve(process.argv[2] ?? 'dist');
const base = (process.env.BASE ?? '/').replace(/\/?$/, '/');
const edition = loadEdition(resolve(process.env.EDITION_ROOT ?? process.cwd()));
const n = await writeSearchIndex(edition, site, base);
console.log(`pagefind: ${n} records (documents, with their passages and notes as sub-results, register entries and works cited) indexed into ${site}/pagefind`);
