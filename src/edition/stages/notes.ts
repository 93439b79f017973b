/**
 * Stage notes: reads each note, checks its register references and citations (a factual
 * note must cite a work), anchors its quote in its document and adds it to the document's notes.
 */
import type { DataPath } from '../frontmatter.js';
import { entryPath, type Entry, type RawFile } from '../model.js';
import { Problems } from '../problems.js';
import type { WorkCache } from '../cache.js';
import { classifyFiles } from './classify.js';
import { NOTE_PLACEHOLDER } from '../scaffold.js';
import { NoteMeta, type NoteKind } from '../schema.js';
import { locateQuote } from './locate-quote.js';
import { isReadCached, readContributorFile, withReadCache } from './read.js';
import type { Target } from './sources.js';
import { Unread } from './unread.js';
import { checkCites, checkSourceStandard, type WorksCited } from './works.js';

/** Note kinds that state facts, and so must cite a work. */
export const FACTUAL_KINDS: readonly NoteKind[] = ['context', 'identification', 'sic', 'contested', 'unverified', 'later', 'source'];

/** How a note file is read. */
const NOTE_READ = {
  format: 'front-matter',
  requireFrontMatter: 'A note must start with its metadata between two `---` lines: at least quote and kind. See docs/editing.md.',
  markdown: true,
} as const;

/** Reads one note file: its metadata checked, its body checked as Markdown. */
function readNoteFile(file: RawFile, problems: Problems) {
  return readContributorFile(file, NoteMeta, 'note', problems, NOTE_READ);
}

/** The note files among `files` whose reading `cache` does not hold (all of them in a cold build). */
export function noteFilesToRead(files: readonly RawFile[], cache: WorkCache): RawFile[] {
  return classifyFiles(files, new Problems())
    .notes.map((n) => n.file)
    .filter((f) => !f.notRead && !isReadCached(cache, f, 'note', NOTE_READ));
}

/**
 * Reads these note files into `cache`, each with its problems, for {@link readNotes} to take
 * from it as it would a file read before: how a build shares the reading of its notes out
 * between threads (src/integration/core-worker.ts).
 */
export function readNoteFilesInto(cache: WorkCache, files: readonly RawFile[]): void {
  withReadCache(cache, () => {
    for (const f of files) readNoteFile(f, new Problems());
  });
}

/**
 * Reads the notes (in path order) and adds each one that anchors to its document's `notes`.
 * A note whose folder names no source is an error; of two notes with one id, the first is kept.
 */
export function readNotes(
  notes: readonly { file: RawFile; slug: string; id: string }[],
  bySlug: ReadonlyMap<string, Target>,
  entries: ReadonlyMap<string, Entry>,
  cited: WorksCited,
  problems: Problems,
  unread = new Unread(),
): void {
  const noteIds = new Set<string>();
  for (const { file, slug, id } of notes) {
    const target = bySlug.get(slug);
    // A note of a source that could not be read (reported already) is checked, but not anchored.
    const waiting = !target && unread.sources.has(slug);
    if (!target && !waiting) {
      problems.error(file.path, 1, 1, `There is no source sources/${slug}.txt. A note goes in the folder named after its document (annotations/notes/<slug>/).`);
      continue;
    }
    const read = readNoteFile(file, problems);
    if (!read) {
      unread.any = true;
      continue;
    }
    const meta = read.data;
    const unknown = (ref: string) => !entries.has(ref) && !unread.entries.has(ref);
    for (const l of read.markdown.entityLinks) {
      if (unknown(l.ref)) problems.error(file.path, read.bodyLine + l.line - 1, l.col, `Unknown register entry "${l.ref}". Create ${entryPath(l.ref)} or fix the id.`);
    }
    const placeholder = read.body.indexOf(NOTE_PLACEHOLDER);
    if (placeholder >= 0) {
      const line = read.bodyLine + (read.body.slice(0, placeholder).match(/\n/g)?.length ?? 0);
      problems.error(file.path, line, 1, `This note still holds the placeholder that npm run new-note writes ("${NOTE_PLACEHOLDER}"). Write the note in its place.`);
    }
    checkCites(cited, meta.cites, file.path, read.locate, problems);
    if (meta.cites.length === 0 && FACTUAL_KINDS.includes(meta.kind)) {
      const { line, col } = read.locate(['kind']);
      problems.error(file.path, line, col, `${/^[aeiou]/.test(meta.kind) ? 'An' : 'A'} ${meta.kind} note states facts and must cite a source: add cites: [work-key] with a key from ${cited.place}.`);
    }
    // An unverified note reports that a claim lacks support: it cites where support was sought.
    const mustBeAuthoritative = FACTUAL_KINDS.includes(meta.kind) && meta.kind !== 'unverified';
    checkSourceStandard(cited, meta.cites, { mustBeAuthoritative, what: `This ${meta.kind} note`, gap: meta.authority_gap }, file.path, read.locate, problems);
    meta.entities.forEach((ref, i) => {
      if (unknown(ref)) {
        const { line, col } = read.locate(['entities', i]);
        problems.error(file.path, line, col, `Unknown register entry "${ref}". Create ${entryPath(ref)} or fix the id.`);
      }
    });
    if (!target) continue;
    const quotePath: DataPath = typeof read.raw.quote === 'string' ? ['quote'] : ['quote', 'exact'];
    const located = locateQuote(target.doc, target.anchorText, meta.quote, file.path, () => read.locate(quotePath), problems, 'note');
    if (!located) continue;
    const key = `${slug}/${id}`;
    if (noteIds.has(key)) continue;
    noteIds.add(key);
    target.doc.notes.push({
      id,
      file: file.path,
      document: slug,
      kind: meta.kind,
      quote: meta.quote,
      passage: located.passage.id,
      span: located.span,
      entities: meta.entities,
      cites: meta.cites,
      ...(meta.authority_gap !== undefined ? { authorityGap: meta.authority_gap } : {}),
      body: read.markdown,
      bodyLine: read.bodyLine,
    });
  }
}
