/**
 * `npm run build`'s last step: builds the Pagefind index of the edition into dist/pagefind,
 * from the edition model (one record per passage and per register entry), never from a stale
 * copy. Usage: tsx scripts/index-search.ts [dist]
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { loadEdition, searchRecords } from '../src/edition/index.ts';

const site = resolve(process.argv[2] ?? 'dist');
const base = (process.env.BASE ?? '/').replace(/\/?$/, '/');
const edition = loadEdition(resolve(process.env.EDITION_ROOT ?? process.cwd()));
const records = searchRecords(edition, base);
rmSync(`${site}/pagefind`, { recursive: true, force: true });
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
for (const r of records) {
  const added = await index.addCustomRecord(r);
  if (added.errors.length) throw new Error(`Pagefind could not index ${r.url}: ${added.errors.join('; ')}`);
}
const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
console.log(`pagefind: ${records.length} records (passages and register entries) indexed into ${site}/pagefind`);
await pagefind.close();
