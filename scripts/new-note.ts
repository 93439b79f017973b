/**
 * `npm run new-note -- <slug> "<words to annotate>" [--id note-id] [--kind context]`
 * writes annotations/notes/<slug>/<note-id>.md with a quote that is unique in the source.
 */
import { lstatSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadEdition, NOTE_KINDS, scaffoldNote, type NoteKind } from '../src/edition/index.ts';
import { plainFolderInside, UnsafeWriteError, writeFileNoFollow } from '../src/edition/load.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const id = flag('id');
const kind = (flag('kind') ?? 'context') as NoteKind;
const [slug, quote] = args;
const fail = (m: string): never => {
  console.error(m);
  process.exit(1);
};
if (!slug || !quote) fail('Usage: npm run new-note -- <slug> "<words to annotate>" [--id note-id] [--kind context]');
if (!Object.hasOwn(NOTE_KINDS, kind)) fail(`Unknown kind "${kind}". Use one of: ${Object.keys(NOTE_KINDS).join(', ')}.`);
const root = resolve(process.cwd());
/** Whether anything is at `path`, a dangling link included. */
const taken = (path: string) => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};
const doc = loadEdition(root).documents.find((d) => d.slug === slug) ?? fail(`There is no source sources/${slug}.txt.`);
const result = scaffoldNote(doc, quote!, kind);
if (!result.ok) fail(result.message);
else {
  const noteId = id ?? (quote!.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'note');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(noteId)) fail(`"${noteId}" is not a valid note id: use lower-case words joined by hyphens (--id).`);
  const file = join(root, 'annotations/notes', slug!, `${noteId}.md`);
  if (taken(file)) fail(`annotations/notes/${slug}/${noteId}.md already exists. Choose another --id.`);
  // Never through a symbolic link, never outside the edition.
  try {
    writeFileNoFollow(plainFolderInside(root, `annotations/notes/${slug}`), `${noteId}.md`, result.text);
  } catch (e) {
    if (e instanceof UnsafeWriteError) fail(e.message);
    throw e;
  }
  console.log(`Wrote annotations/notes/${slug}/${noteId}.md (¶${result.passage.slice(1)}). Write the note, add its sources, then run npm run check.`);
}
