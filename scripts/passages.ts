/** `npm run passages -- <slug>`: lists a source's passages with their numbers and roles (an editor's aid). */
import { resolve } from 'node:path';
import { loadEdition } from '../src/edition/index.ts';

const slug = process.argv[2];
const edition = loadEdition(resolve(process.cwd()));
for (const doc of edition.documents) {
  if (slug && doc.slug !== slug) continue;
  console.log(`# ${doc.slug} (${doc.passages.length} passages, ${doc.notes.length} notes)`);
  for (const p of doc.passages) {
    const where = [p.role !== 'text' ? p.role : '', p.comment !== undefined ? `comment ${p.comment + 1}` : '', p.lang !== doc.meta.languages[0] ? p.lang : '']
      .filter(Boolean)
      .join(', ');
    console.log(`¶${p.n}${where ? ` [${where}]` : ''}: ${p.text.replace(/\n/g, ' ⏎ ')}`);
  }
  // Ids of deleted (or merged) passages, and where their links now lead.
  if (doc.tombstones.size) console.log(`deleted ids, whose links lead on: ${[...doc.tombstones].map(([id, to]) => `#${id} → ¶${to.slice(1)}`).join(', ')}`);
}
