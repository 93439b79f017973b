/** Writes the Pagefind index of a built site from the edition model (one record per passage and per register entry). */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { searchRecords, type Edition } from '../edition/index.ts';

/** Replaces `<site>/pagefind` with a fresh index of `edition`. Returns the number of records. */
export async function writeSearchIndex(edition: Edition, site: string, base: string): Promise<number> {
  const records = searchRecords(edition, base);
  const out = join(site, 'pagefind');
  rmSync(out, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const r of records) {
      const added = await index.addCustomRecord(r);
      if (added.errors.length) throw new Error(`Pagefind could not index ${r.url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  return records.length;
}
